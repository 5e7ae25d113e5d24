package io.rebatch.app;

import io.rebatch.app.cli.InProcessSteps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of the child processes of {@link WithdrawalConcurrencyIT}: starts one CLI context
 * ({@code --db URL --config DIR}), checks in at the start barrier ({@code rebatch.test.barrier.dir}) and, once
 * released together with its siblings, runs every line of the requests file as a {@code withdraw} command of the
 * CLI — exit codes and messages exactly as a support script would see them. For each request it prints one line
 * {@code WDR <key> <exit code> <first line the command printed>}, for the test to tally, and at the end
 * {@code WINDOW <first sent> <last answered>} (epoch ms), to show that the children overlapped; a context that
 * cannot start exits 1.
 *
 * <p>Arguments: {@code REQUESTS_FILE --db URL --config DIR}; each line of the file is a command without the
 * global options, e.g. {@code withdraw --user 7 --amount-fen 100 --account a@b.cn --name 张三 --key k1}.
 */
public final class WithdrawChildMain {
    static final String RESULT = "WDR ";
    /** The last line: when the first request was sent and the last answered, epoch milliseconds. */
    static final String WINDOW = "WINDOW ";

    private WithdrawChildMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> requests = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        String[] global = Arrays.copyOfRange(args, 1, args.length);
        String barrier = System.getProperty(ChildProcess.BARRIER_DIR_PROPERTY);
        try (InProcessSteps.Session session = new InProcessSteps.Session(global)) {
            if (barrier != null) {
                ChildProcess.awaitRelease(Path.of(barrier));
            }
            long startedMillis = System.currentTimeMillis();
            for (String request : requests) {
                List<String> step = new ArrayList<>(Arrays.asList(global));
                step.addAll(Arrays.asList(request.trim().split("\\s+")));
                InProcessSteps.StepResult r = session.run(step.toArray(String[]::new));
                String text = r.code() == 0 ? r.out() : r.err();
                System.out.println(RESULT + keyOf(request) + " " + r.code() + " "
                        + text.strip().lines().findFirst().orElse("<nothing printed>"));
            }
            System.out.println(WINDOW + startedMillis + " " + System.currentTimeMillis());
        }
        System.out.flush();
        System.exit(0);
    }

    private static String keyOf(String request) {
        String[] t = request.trim().split("\\s+");
        for (int i = 0; i < t.length - 1; i++) {
            if (t[i].equals("--key")) {
                return t[i + 1];
            }
        }
        return "<no key>";
    }
}
