// The S3 protocol stand-in's own process (started by s3-test-server.ts): s3rver signs its listing
// continuation tokens with DES, which Node's OpenSSL 3 has only with --openssl-legacy-provider, a flag
// of the whole process. It reports its port and every object it creates to the parent, and ends with it.
import S3rver from "s3rver";

const options = JSON.parse(process.argv[2] ?? "{}");
const server = new S3rver({ ...options, address: "127.0.0.1", port: 0, silent: true, vhostBuckets: false });
server.on("event", (event) => {
  for (const record of event.Records) process.send?.({ eventName: record.eventName, key: record.s3.object.key });
});
const { port } = await server.run();
process.send?.({ port });
process.on("disconnect", () => process.exit(0));
