package io.rebatch.app.cli;

import io.rebatch.domain.Money;
import io.rebatch.domain.payout.Withdrawal;
import io.rebatch.domain.payout.WithdrawalRequest;
import io.rebatch.jobs.payout.Payouts;
import io.rebatch.jobs.payout.Withdrawals;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code withdraw} (SPEC §10) for support staff: the same withdrawal service and rules as the app's REST request.
 * Prints one line with the serial and the masked payee. A refusal (below minimum, insufficient or negative
 * balance, daily limit) is a decision, not an error in the request: {@code rebatch: withdraw refused: <REASON>:
 * <why>} on stderr with exit code 3; a malformed request or a reused key with another amount or payee exits 2.
 */
@Command(name = "withdraw", description = "Request a withdrawal for a user (support staff; same rules as the app)."
        + " The same --key returns the same withdrawal.")
class WithdrawCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--user", required = true, paramLabel = "ID")
    long userId;

    @Option(names = "--amount-fen", required = true, paramLabel = "N")
    long amountFen;

    @Option(names = "--account", required = true, paramLabel = "A", description = "Payee Alipay account")
    String account;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Payee real name")
    String name;

    @Option(names = "--key", required = true, paramLabel = "K", description = "Idempotency key")
    String key;

    @Override
    public Integer call() {
        WithdrawalRequest request = WithdrawalRequest.of(userId, amountFen, account, name, key);
        Withdrawals.Outcome o = root.bean(Payouts.class).withdraw(request);
        if (o.refused()) {
            root.spec.commandLine().getErr().println("rebatch: withdraw refused: " + o.refusal().refusal() + ": "
                    + o.refusal().message());
            root.spec.commandLine().getErr().flush();
            return RebatchCommand.REFUSED;
        }
        Withdrawal w = o.withdrawal();
        root.out().println("withdraw: " + (o.created() ? "accepted " : "already requested with this key: ")
                + w.serial() + " (user " + w.userId() + ", " + Money.formatYuan(w.amountFen()) + " yuan to "
                + w.payee().maskedAccount() + " " + w.payee().maskedName() + ", " + w.status() + ")");
        root.out().flush();
        return RebatchCommand.OK;
    }
}
