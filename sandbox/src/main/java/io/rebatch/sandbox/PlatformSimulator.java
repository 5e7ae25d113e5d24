package io.rebatch.sandbox;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.DayFile;
import io.rebatch.sandbox.generator.GenerationContext;
import io.rebatch.sandbox.generator.OrderDraft;
import io.rebatch.sandbox.generator.OrderLines;
import io.rebatch.sandbox.generator.ScenarioFiles;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.generator.TrackingKind;
import io.rebatch.sandbox.server.AppCredentials;
import io.rebatch.sandbox.server.Gateway;
import io.rebatch.sandbox.server.ServerContext;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything one platform means to the sandbox: its tracking bindings, item and promotion-position
 * shapes and order lines for the scenario generator, its scenario files for the writer, and its
 * gateway for the server. One implementation a platform, registered in
 * {@code META-INF/services/io.rebatch.sandbox.PlatformSimulator} and listed by {@link Simulators}.
 *
 * <p>The core calls each registered simulator in {@link #order()} and never asks which platform it
 * is. Every method that takes a {@link SplittableRandom} draws from the scenario's shared stream, so
 * the number and order of its draws are part of the scenario: change them and every seeded scenario
 * changes.
 */
public interface PlatformSimulator {
    Platform platform();

    /**
     * Position among the simulators (unique): the order the generator, the writer and the server
     * visit them in. It also keys the seeded streams of the dump request ids and of fault injection.
     */
    int order();

    // ---------------------------------------------------------------- population

    /** The tracking bindings the app keeps for this platform, in the order they are drawn per user. */
    List<TrackingKind> trackingKinds();

    /** A new item id (clicks and lines are matched on it); may be drawn again on a collision. */
    String drawItemId(SplittableRandom r);

    /** A commission rate in the unit of the platform's rows (basis points, per-mille …). */
    int drawItemRate(SplittableRandom r);

    /** A new promotion position id; may be drawn again on a collision. */
    String drawPid(SplittableRandom r);

    // ---------------------------------------------------------------- day generation

    /** Share of the scenario's lines on this platform, in percent of all simulators' shares. */
    int lineSharePercent();

    /** Whether an order may hold several lines (2–3 in 15 % of orders). */
    boolean multiLineOrders();

    /** Draws the tracking of a new order and returns what makes its lines. */
    OrderLines startOrder(OrderDraft order, SplittableRandom r, GenerationContext ctx);

    // ---------------------------------------------------------------- scenario files

    /** Window length of a day's API dump: what a puller would ask for. */
    Duration dumpWindow();

    /** Writes the day's order file(s) from the snapshots of each window, quirks applied. */
    List<DayFile> writeOrderFiles(ScenarioFiles files, LocalDate day, List<List<Snapshot>> windows) throws IOException;

    /** Files written after every platform's order files of the day (e.g. refunds); none by default. */
    default List<DayFile> writeFollowUpFiles(ScenarioFiles files, LocalDate day) throws IOException {
        return List.of();
    }

    // ---------------------------------------------------------------- server

    /** The gateway's path on the sandbox server, e.g. {@code /router/rest}. */
    String gatewayPath();

    /** The app credentials the server accepts unless configured otherwise. */
    AppCredentials defaultCredentials();

    /**
     * The client settings that point rebatch at this simulator, relative to {@code rebatch.platforms.<code>.}
     * ({@code endpoint} and the credential properties of the platform's settings record).
     */
    Map<String, String> clientSettings(URI endpoint, AppCredentials app);

    /** The platform's gateway on a server; called once per server. */
    Gateway gateway(ServerContext ctx);
}
