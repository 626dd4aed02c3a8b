// Drives the official @azure/storage-queue SDK for interop tests: node queue-interop.mjs '<json>' (or '@file.json').
// Args: { connectionString, queue, op: "send" | "receive" | "peek", messages?: string[], max?: number, base64?: boolean }
// Prints one JSON object to stdout. The JS SDK sends and returns messageText verbatim (no encoding option), so
// base64 is applied here explicitly, the way the .NET SDK and the Functions trigger expect it.
import { readFileSync } from "node:fs";
import { QueueServiceClient } from "@azure/storage-queue";

const raw = process.argv[2] ?? "";
const args = JSON.parse(raw.startsWith("@") ? readFileSync(raw.slice(1), "utf8") : raw);
const queue = QueueServiceClient.fromConnectionString(args.connectionString).getQueueClient(args.queue);
const encode = (text) => (args.base64 ? Buffer.from(text, "utf8").toString("base64") : text);
const decode = (text) => (args.base64 ? Buffer.from(text, "base64").toString("utf8") : text);

async function send() {
  await queue.createIfNotExists();
  const ids = [];
  for (const text of args.messages) {
    const result = await queue.sendMessage(encode(text));
    ids.push(result.messageId);
  }
  return { ids };
}

async function receive() {
  const result = await queue.receiveMessages({ numberOfMessages: args.max ?? 32, visibilityTimeout: 60 });
  return {
    messages: result.receivedMessageItems.map((m) => ({
      id: m.messageId,
      text: decode(m.messageText),
      wire: m.messageText,
      dequeueCount: m.dequeueCount,
    })),
  };
}

async function peek() {
  const result = await queue.peekMessages({ numberOfMessages: args.max ?? 32 });
  return {
    messages: result.peekedMessageItems.map((m) => ({
      id: m.messageId,
      text: decode(m.messageText),
      wire: m.messageText,
      dequeueCount: m.dequeueCount,
    })),
  };
}

const ops = { send, receive, peek };
if (!ops[args.op]) {
  console.error(`unknown op ${args.op}`);
  process.exit(2);
}

try {
  process.stdout.write(JSON.stringify(await ops[args.op]()));
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exit(1);
}
