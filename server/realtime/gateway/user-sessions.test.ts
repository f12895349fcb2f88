import { afterEach, describe, expect, it } from "vitest";
import {
  appPath,
  closeEverything,
  connectClient,
  eventually,
  nextEvent,
  openRawClient,
  recordEvents,
  serverSdk,
  signedIn,
  socketIdOf,
  startGateway,
  subscribed,
} from "./gateway-test-kit";

/** User authentication (pusher:signin), server-to-user events and terminate_connections, with pusher-js and the `pusher` SDK. */

afterEach(closeEverything);

describe("pusher:signin", () => {
  it("binds the connection to the user and delivers sendToUser events", async () => {
    const target = await startGateway();
    const client = await connectClient(target, { signinAs: "alice" });
    await signedIn(client);
    expect(client.user.user_data).toEqual({ id: "alice" });

    // pusher-js subscribes to #server-to-user-alice by itself after signing in.
    await eventually(() => client.user.serverToUserChannel?.subscribed === true, 3_000, "server-to-user subscription");
    const received = new Promise<unknown>((resolve) => client.user.bind("hello", resolve));
    await serverSdk(target).sendToUser("alice", "hello", { n: 1 });
    expect(await received).toEqual({ n: 1 });
  });

  it("refuses a signin signed with a guessed secret with 4009 and keeps the connection", async () => {
    const target = await startGateway();
    const client = await openRawClient(target.gateway.port, appPath(target.app.key));
    const established = await client.nextFrame("pusher:connection_established");
    const { socket_id: socketId } = JSON.parse(established.data as string) as { socket_id: string };
    const forged = serverSdk(target, { secret: "casebook-secret" }).authenticateUser(socketId, { id: "alice" });

    client.send({ event: "pusher:signin", data: forged });
    expect((await client.nextFrame("pusher:error")).data).toMatchObject({ code: 4009 });
    client.send({ event: "pusher:subscribe", data: { channel: "#server-to-user-alice" } });
    expect((await client.nextFrame("pusher:subscription_error")).data).toMatchObject({ status: 403 });
    client.send({ event: "pusher:ping", data: {} });
    await client.nextFrame("pusher:pong");
  });

  it("lets a signed-in connection subscribe to its own server-to-user channel only", async () => {
    const target = await startGateway();
    const client = await openRawClient(target.gateway.port, appPath(target.app.key));
    const established = await client.nextFrame("pusher:connection_established");
    const { socket_id: socketId } = JSON.parse(established.data as string) as { socket_id: string };
    client.send({ event: "pusher:signin", data: serverSdk(target).authenticateUser(socketId, { id: "mallory" }) });
    expect((await client.nextFrame("pusher:signin_success")).data).toEqual({ user_data: JSON.stringify({ id: "mallory" }) });

    client.send({ event: "pusher:subscribe", data: { channel: "#server-to-user-alice" } });
    const refusal = await client.nextFrame("pusher:subscription_error");
    expect(refusal).toMatchObject({ channel: "#server-to-user-alice", data: { status: 403 } });
    client.send({ event: "pusher:subscribe", data: { channel: "#server-to-user-mallory" } });
    expect((await client.nextFrame("pusher_internal:subscription_succeeded")).channel).toBe("#server-to-user-mallory");
  });
});

describe("terminate_connections", () => {
  it("closes every connection of the user; pusher-js reconnects and the other users stay connected", async () => {
    const target = await startGateway();
    const [firstTab, secondTab] = [await connectClient(target, { signinAs: "bob" }), await connectClient(target, { signinAs: "bob" })];
    await Promise.all([signedIn(firstTab), signedIn(secondTab)]);
    const bystander = await connectClient(target, { signinAs: "carol" });
    await signedIn(bystander);
    const before = [socketIdOf(firstTab), socketIdOf(secondTab)];
    const bystanderSocket = socketIdOf(bystander);
    const bystanderDrops = recordEvents(await subscribed(bystander, "news"), "pusher:subscription_succeeded");

    const closedWith = new Promise<unknown>((resolve) => firstTab.connection.bind("error", resolve));
    await serverSdk(target).terminateUserConnections("bob");

    expect(await closedWith).toMatchObject({ data: { code: 4200 } });
    await eventually(
      () => [firstTab, secondTab].every((tab) => tab.connection.state === "connected" && !before.includes(socketIdOf(tab))),
      5_000,
      "both tabs reconnected with new sockets",
    );
    expect(socketIdOf(bystander)).toBe(bystanderSocket);
    expect(bystanderDrops).toEqual([]);
  });

  it("leaves connections that never signed in alone", async () => {
    const target = await startGateway();
    const anonymous = await connectClient(target);
    const socketId = socketIdOf(anonymous);
    const channel = await subscribed(anonymous, "news");

    await serverSdk(target).terminateUserConnections("bob");
    // The socket still works: it gets an event published after the terminate.
    const received = nextEvent(channel, "after");
    await serverSdk(target).trigger("news", "after", {});
    await received;
    expect(socketIdOf(anonymous)).toBe(socketId);
  });

  it("is refused with a guessed secret", async () => {
    const target = await startGateway();
    await expect(serverSdk(target, { secret: "casebook-secret" }).terminateUserConnections("bob")).rejects.toMatchObject({ status: 401 });
  });
});
