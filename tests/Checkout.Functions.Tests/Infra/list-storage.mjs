// Lists the queues and tables whose names start with the given prefixes, through the official Azure SDK for
// JavaScript: what the app created, seen by an independent client. Args (JSON): { connectionString, queuePrefix, tablePrefix }.
import { QueueServiceClient } from "@azure/storage-queue";
import { TableServiceClient } from "@azure/data-tables";

const args = JSON.parse(process.argv[2]);
const queues = [];
for await (const queue of QueueServiceClient.fromConnectionString(args.connectionString).listQueues({ prefix: args.queuePrefix })) {
  queues.push(queue.name);
}
const tables = [];
const tableClient = TableServiceClient.fromConnectionString(args.connectionString, { allowInsecureConnection: true });
for await (const table of tableClient.listTables()) {
  if (table.name.startsWith(args.tablePrefix)) tables.push(table.name);
}
console.log(JSON.stringify({ queues, tables }));
