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

    @Command(name = "balances", description = "user_id,pending_fen,available_fen,withdrawing_fen,paid_fen")
    static class Balances implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            long n = export.root.bean(Operations.class).exportBalances(out);
            export.root.out().println("export balances: " + n + " users to " + out);
            return 0;
        }
    }

    @Command(name = "lines", description = "platform,order_line_id,status,user_id,method,income_fen,buyer_fen,"
            + "inviter_fen,grand_inviter_fen,platform_margin_fen")
    static class Lines implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            long n = export.root.bean(Operations.class).exportLines(out);
            export.root.out().println("export lines: " + n + " lines to " + out);
            return 0;
        }
    }

    @Command(name = "quarantine", description = "source,line_no,reason,raw of quarantined rows, sorted by source and line")
    static class Quarantine implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Option(names = "--since", paramLabel = "YYYY-MM-DD",
                description = "Only rows quarantined on or after the start of this business date (Asia/Shanghai)")
        LocalDate since;

        @Override
        public Integer call() {
            long n = export.root.bean(Operations.class).exportQuarantine(out, since);
            export.root.out().println("export quarantine: " + n + " rows to " + out);
            return 0;
        }
    }

    @Command(name = "withdrawals", description = "withdrawal_id,user_id,amount_fen,status,batch_no,transfer_no,reason"
            + " (no payee data)")
    static class Withdrawals implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            long n = export.root.bean(Payouts.class).exportWithdrawals(out);
            export.root.out().println("export withdrawals: " + n + " withdrawals to " + out);
            return 0;
        }
    }
}
