package io.rebatch.scheduler;

import io.rebatch.domain.BusinessTime;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * Which business date (or month) a firing of a schedule is for. Not "now": the latest time the cron expression
 * names at or before the firing. A nightly fired on time at 02:30 on the 5th settles the 4th; a misfire caught up
 * at 01:00 on the 6th (the scheduler was down across 02:30 on the 5th) still settles the 4th, not the 5th; a node
 * that died mid-run and is recovered elsewhere settles the date it started.
 */
public final class BusinessDates {
    private BusinessDates() {
    }

    /** The latest time {@code cron} names at or before {@code firedAt}, in Asia/Shanghai. */
    public static Instant latestCronTime(String cron, Instant firedAt) {
        CronExpression expression = parse(cron);
        // Step forward from far enough back that every schedule of ours (at most monthly) has a time in between.
        Date candidate = expression.getNextValidTimeAfter(Date.from(firedAt.minus(java.time.Duration.ofDays(63))));
        Date latest = null;
        while (candidate != null && !candidate.toInstant().isAfter(firedAt)) {
            latest = candidate;
            candidate = expression.getNextValidTimeAfter(candidate);
        }
        if (latest == null) {
            throw new IllegalArgumentException("cron '" + cron + "' names no time in the 63 days before " + firedAt);
        }
        return latest.toInstant();
    }

    /** The nightly's business date: the day before the Asia/Shanghai date of the latest cron time. */
    public static LocalDate nightlyDate(String cron, Instant firedAt) {
        return BusinessTime.dateOf(latestCronTime(cron, firedAt)).minusDays(1);
    }

    /** The payout's date: the Asia/Shanghai date of the latest cron time. */
    public static LocalDate payoutDate(String cron, Instant firedAt) {
        return BusinessTime.dateOf(latestCronTime(cron, firedAt));
    }

    /** The month close's month: the month before the latest cron time's. */
    public static YearMonth closeMonth(String cron, Instant firedAt) {
        return YearMonth.from(BusinessTime.dateOf(latestCronTime(cron, firedAt))).minusMonths(1);
    }

    /** A Quartz cron expression in Asia/Shanghai; a bad one is a configuration error with its text. */
    public static CronExpression parse(String cron) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(BusinessTime.ZONE));
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad cron expression '" + cron + "': " + e.getMessage(), e);
        }
    }
}
