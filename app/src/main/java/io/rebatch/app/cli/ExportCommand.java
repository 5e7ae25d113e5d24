package io.rebatch.app.cli;

import io.rebatch.jobs.common.Operations;
import io.rebatch.jobs.payout.Payouts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Export balances, lines, quarantined rows or withdrawals as UTF-8 CSV.",
        subcommands = {ExportCommand.Balances.class, ExportCommand.Lines.class, ExportCommand.Quarantine.class,
                ExportCommand.Withdrawals.class})
class ExportCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Override
    public Integer call() {
        root.spec.commandLine().getErr().println("rebatch: export needs what to export: balances, lines, quarantine or withdrawals"
                + " (see 'rebatch export --help')");
        root.spec.commandLine().getErr().flush();
        return RebatchCommand.BAD_INPUT;
    }

    /** One export: writes its CSV atomically to {@code --out} and says how many rows of what it wrote. */
    abstract static class Export implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        /** Writes the file; returns the number of rows. */
        abstract long write(RebatchCommand root);

        /** {@code balances: 12 users}. */
        abstract String what(long rows);

        @Override
        public Integer call() {
            long n = write(export.root);
            export.root.out().println("export " + what(n) + " to " + out);
            return 0;
        }
    }

    @Command(name = "balances", description = "user_id,pending_fen,available_fen,withdrawing_fen,paid_fen")
    static class Balances extends Export {
        @Override
        long write(RebatchCommand root) {
            return root.bean(Operations.class).exportBalances(out);
        }

        @Override
        String what(long rows) {
            return "balances: " + rows + " users";
        }
    }

    @Command(name = "lines", description = "platform,order_line_id,status,user_id,method,income_fen,buyer_fen,"
            + "inviter_fen,grand_inviter_fen,platform_margin_fen")
    static class Lines extends Export {
        @Override
        long write(RebatchCommand root) {
            return root.bean(Operations.class).exportLines(out);
        }

        @Override
        String what(long rows) {
            return "lines: " + rows + " lines";
        }
    }

    @Command(name = "quarantine", description = "source,line_no,reason,raw of quarantined rows, sorted by source and line")
    static class Quarantine extends Export {
        @Option(names = "--since", paramLabel = "YYYY-MM-DD",
                description = "Only rows quarantined on or after the start of this business date (Asia/Shanghai)")
        LocalDate since;

        @Override
        long write(RebatchCommand root) {
            return root.bean(Operations.class).exportQuarantine(out, since);
        }

        @Override
        String what(long rows) {
            return "quarantine: " + rows + " rows";
        }
    }

    @Command(name = "withdrawals", description = "withdrawal_id,user_id,amount_fen,status,batch_no,transfer_no,reason"
            + " (no payee data)")
    static class Withdrawals extends Export {
        @Override
        long write(RebatchCommand root) {
            return root.bean(Payouts.class).exportWithdrawals(out);
        }

        @Override
        String what(long rows) {
            return "withdrawals: " + rows + " withdrawals";
        }
    }
}
