package io.rebatch.sandbox.taobao;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.server.GatewayReply;
import io.rebatch.sandbox.server.ServerContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.rebatch.sandbox.taobao.TaobaoGateway.*;

/**
 * {@code taobao.tbk.order.details.get} behind the {@link TaobaoGateway}: argument checks, the window
 * limits (3 h, 20 min in a promotion period), the four query types, {@code order_scene} and
 * {@code tk_status} filters, and paging by {@code page_no} + {@code position_index} + {@code jump_type}.
 */
record TaobaoOrdersQuery(TaobaoGateway gw, ServerContext ctx) {
    GatewayReply answer(Map<String, String> p, long requestNo) {
        Integer queryType = intParam(p, "query_type", 1);
        Integer pageNo = intParam(p, "page_no", 1);
        Integer pageSize = intParam(p, "page_size", 20);
        Integer jumpType = intParam(p, "jump_type", 1);
        Integer orderScene = intParam(p, "order_scene", 1);
        Integer tkStatus = intParam(p, "tk_status", null);
        if (queryType == null || queryType < 1 || queryType > 4) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:query_type", "isv.invalid-parameter", "query_type must be 1, 2, 3 or 4");
        }
        if (pageSize == null || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:page_size", "isv.invalid-parameter:page_size",
                    "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (pageNo == null || pageNo < 1 || pageNo > MAX_PAGE_NO) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:page_no", "isv.invalid-parameter:page_no",
                    "page_no must be between 1 and " + MAX_PAGE_NO);
        }
        if (jumpType == null || (jumpType != 1 && jumpType != -1)) {
            return gw.error(REMOTE_ERROR, "Remote service error", "1005", "jump_type只能为1或-1");
        }
        if (orderScene == null || orderScene < 1 || orderScene > 3) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:order_scene", "isv.invalid-parameter", "order_scene must be 1, 2 or 3");
        }
        if (p.containsKey("tk_status") && (tkStatus == null || !List.of(3, 11, 12, 13, 14).contains(tkStatus))) {
            return gw.error(REMOTE_ERROR, "Remote service error", "1006", "tk_status参数错误");
        }
        String startText = p.get("start_time");
        String endText = p.get("end_time");
        if (startText == null || startText.isEmpty()) {
            return gw.error(MISSING_ARGUMENTS, "Missing required arguments:start_time", "isv.missing-parameter", null);
        }
        if (endText == null || endText.isEmpty()) {
            return gw.error(MISSING_ARGUMENTS, "Missing required arguments:end_time", "isv.missing-parameter", null);
        }
        Instant start;
        Instant end;
        try {
            start = BusinessTime.parseLocal(startText);
        } catch (BadInputException e) {
            return gw.error(REMOTE_ERROR, "Remote service error", "2000", "start_time格式错误");
        }
        try {
            end = BusinessTime.parseLocal(endText);
        } catch (BadInputException e) {
            return gw.error(REMOTE_ERROR, "Remote service error", "2001", "end_time格式错误");
        }
        if (!end.isAfter(start)) {
            return gw.error(REMOTE_ERROR, "Remote service error", "2002", "end_time必须晚于start_time");
        }
        Duration window = Duration.between(start, end);
        boolean promotion = ctx.promotions().stream().anyMatch(pp -> pp.overlaps(start, end));
        if (promotion && window.compareTo(MAX_PROMOTION_WINDOW) > 0) {
            return gw.error(REMOTE_ERROR, "Remote service error", SUB_WINDOW_TOO_LONG, "大促期间查询时间跨度不能超过20分钟");
        }
        if (window.compareTo(MAX_WINDOW) > 0) {
            return gw.error(REMOTE_ERROR, "Remote service error", SUB_WINDOW_TOO_LONG, "查询时间跨度不能超过3小时");
        }
        TaobaoPositionIndex.Cursor cursor = null;
        String positionIndex = p.get("position_index");
        if (positionIndex != null && !positionIndex.isEmpty()) {
            cursor = TaobaoPositionIndex.decode(positionIndex);
            if (cursor == null) {
                return gw.error(REMOTE_ERROR, "Remote service error", "1008", "position_index参数错误");
            }
        }

        List<Keyed> rows = new ArrayList<>();
        for (Snapshot s : candidates(queryType, start, end)) {
            TaobaoOrderRow r = (TaobaoOrderRow) s.row();
            if (tkStatus != null && r.tkStatus() != tkStatus) {
                continue;
            }
            if ((orderScene == 2 && r.relationId() == null) || (orderScene == 3 && r.specialId() == null)) {
                continue;
            }
            Instant sortTime = switch (queryType) {
                case 1 -> r.tkCreateTime();
                case 2 -> r.tkPaidTime();
                case 3 -> r.tkEarningTime();
                default -> s.updatedAt();
            };
            rows.add(new Keyed(new TaobaoPositionIndex.Key(sortTime.getEpochSecond(), Long.parseLong(s.lineId()), s.seq()), s));
        }
        rows.sort(Comparator.comparing(Keyed::key));

        int from;
        int to;
        if (cursor != null && pageNo > 1 && jumpType == 1) {
            from = firstAfter(rows, cursor.last());
            to = Math.min(rows.size(), from + pageSize);
        } else if (cursor != null && pageNo > 1) { // jump_type = -1: the page before
            to = firstAtOrAfter(rows, cursor.first());
            from = Math.max(0, to - pageSize);
        } else {
            from = (int) Math.min(rows.size(), (long) (pageNo - 1) * pageSize);
            to = Math.min(rows.size(), from + pageSize);
        }
        List<Keyed> page = rows.subList(from, to);
        List<TaobaoOrderRow> out = new ArrayList<>(page.size());
        List<Snapshot> snaps = new ArrayList<>(page.size());
        for (Keyed k : page) {
            out.add((TaobaoOrderRow) k.snapshot().row());
            snaps.add(k.snapshot());
        }
        String nextIndex = page.isEmpty() ? (positionIndex == null ? "" : positionIndex)
                : TaobaoPositionIndex.encode(page.get(0).key(), page.get(page.size() - 1).key());
        boolean hasPre = from > 0 || (page.isEmpty() && pageNo > 1);
        boolean hasNext = to < rows.size();
        ctx.recordPage(Platform.TAOBAO, ORDERS, snaps, requestNo, pageNo, s -> false);
        return GatewayReply.json(TaobaoJson.orderPage(out, hasPre, hasNext, pageNo, pageSize, nextIndex, ctx.requestId(TaobaoJson::requestId)));
    }

    private record Keyed(TaobaoPositionIndex.Key key, Snapshot snapshot) {
    }

    private static int firstAfter(List<Keyed> rows, TaobaoPositionIndex.Key k) {
        int i = 0;
        while (i < rows.size() && rows.get(i).key().compareTo(k) <= 0) {
            i++;
        }
        return i;
    }

    private static int firstAtOrAfter(List<Keyed> rows, TaobaoPositionIndex.Key k) {
        int i = 0;
        while (i < rows.size() && rows.get(i).key().compareTo(k) < 0) {
            i++;
        }
        return i;
    }

    /** Update-time history for query_type 4; for 1/2/3 the latest state of each line whose create/pay/settle time is in the window. */
    private List<Snapshot> candidates(int queryType, Instant start, Instant end) {
        ScenarioGenerator g = ctx.generator();
        if (queryType == 4) {
            return g.snapshots(Platform.TAOBAO, start, end);
        }
        Function<TaobaoOrderRow, Instant> field = switch (queryType) {
            case 1 -> TaobaoOrderRow::tkCreateTime;
            case 2 -> TaobaoOrderRow::tkPaidTime;
            default -> TaobaoOrderRow::tkEarningTime;
        };
        LocalDate firstDay = BusinessTime.dateOf(start).minusDays(queryType == 3 ? ScenarioGenerator.MAX_LIFETIME_DAYS : 1);
        return g.latestStates(Platform.TAOBAO, firstDay, BusinessTime.dateOf(end), s -> {
            Instant t = field.apply((TaobaoOrderRow) s.row());
            return t != null && !t.isBefore(start) && t.isBefore(end);
        });
    }

    private static Integer intParam(Map<String, String> p, String name, Integer dflt) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
