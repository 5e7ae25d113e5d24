package io.rebatch.jobs.payout;

import java.nio.file.Path;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payout settings under {@code rebatch.payout.*}.
 *
 * @param payerAccount the company's Alipay account, the file's 付款人账号 (set it in production; the default is a
 *                     placeholder so a fresh installation and the demo work)
 * @param payerName    the account's name, 付款人名称
 * @param cutoff       withdrawals requested before this Asia/Shanghai time on the pay date go into its batch
 *                     (SPEC §7: 10:00)
 * @param dir          where payout files are written unless {@code --out} says otherwise
 */
@ConfigurationProperties("rebatch.payout")
public record PayoutProperties(
        @DefaultValue("payout@rebatch.example") String payerAccount,
        @DefaultValue("返利平台") String payerName,
        @DefaultValue("10:00") LocalTime cutoff,
        @DefaultValue("payouts") Path dir) {
}
