// Drives the official @azure/data-tables SDK for interop tests: node table-interop.mjs '<json>' (or '@file.json').
// Args: { connectionString, table, op, ... } (see the ops below). Prints one JSON object to stdout.
// Properties cross the process boundary as { type, value } with value a string, the way the service annotates them:
// type is String | Int32 | Int64 | Double | Boolean | DateTime | Guid | Binary (base64).
import { readFileSync } from "node:fs";
import { TableClient, TableTransaction } from "@azure/data-tables";

const raw = process.argv[2] ?? "";
const args = JSON.parse(raw.startsWith("@") ? readFileSync(raw.slice(1), "utf8") : raw);
const table = TableClient.fromConnectionString(args.connectionString, args.table, { allowInsecureConnection: true });

// Written the way a JS developer would: native values where the SDK maps them, { value, type } only where it must
// (Guid always; Double when a plain number would be sent as an Int32 or cannot be JSON).
function toJs(property) {
  const { type, value } = property;
  switch (type) {
    case "String": return value;
    case "Int32": return Number(value);
    case "Int64": return BigInt(value);
    case "Boolean": return value === "true";
    case "DateTime": return new Date(value);
    case "Guid": return { value, type: "Guid" };
    case "Binary": return new Uint8Array(Buffer.from(value, "base64"));
    case "Double": {
      const number = Number(value);
      return Number.isFinite(number) && !Number.isInteger(number) ? number : { value, type: "Double" };
    }
    default: throw new Error(`unknown type ${type}`);
  }
}

function toEntity(wire) {
  const entity = { partitionKey: wire.partitionKey, rowKey: wire.rowKey };
  for (const [name, property] of Object.entries(wire.properties ?? {})) {
    entity[name] = toJs(property);
  }
  return entity;
}

// Read with type conversion off, so each value arrives exactly as the service typed it.
function fromEntity(entity) {
  const { partitionKey, rowKey, etag, timestamp, ...rest } = entity;
  const properties = {};
  for (const [name, property] of Object.entries(rest)) {
    if (name === "odata.metadata") continue;
    properties[name] = { type: property.type, value: String(property.value) };
  }
  return { partitionKey, rowKey, etag, properties };
}

async function failure(promise) {
  try {
    return { ok: await promise };
  } catch (e) {
    return { status: e.statusCode, code: e.code ?? e.response?.headers?.get("x-ms-error-code") ?? null, message: e.message };
  }
}

async function write() {
  await table.createTable();
  const etags = [];
  for (const wire of args.entities) {
    etags.push((await table.createEntity(toEntity(wire))).etag);
  }
  return { etags };
}

async function read() {
  const entities = [];
  for await (const entity of table.listEntities({ queryOptions: { filter: args.filter ?? undefined }, disableTypeConversion: true })) {
    entities.push(fromEntity(entity));
  }
  return { entities };
}

async function get() {
  return fromEntity(await table.getEntity(args.partitionKey, args.rowKey, { disableTypeConversion: true }));
}

async function update() {
  const result = await failure(table.updateEntity(toEntity(args.entity), args.mode ?? "Merge", { etag: args.etag }));
  return result.ok ? { etag: result.ok.etag } : result;
}

async function transaction() {
  const transaction = new TableTransaction();
  for (const action of args.actions) {
    const entity = toEntity(action.entity);
    switch (action.kind) {
      case "create": transaction.createEntity(entity); break;
      case "upsert": transaction.upsertEntity(entity, action.mode ?? "Merge"); break;
      case "update": transaction.updateEntity(entity, action.mode ?? "Merge", { etag: action.etag }); break;
      case "delete": transaction.deleteEntity(entity.partitionKey, entity.rowKey, { etag: action.etag }); break;
      default: throw new Error(`unknown action ${action.kind}`);
    }
  }
  const result = await failure(table.submitTransaction(transaction.actions));
  if (!result.ok) return result;
  return { status: result.ok.status, subResponses: result.ok.subResponses.map((r) => ({ status: r.status, etag: r.etag ?? null })) };
}

// Rows "00000".."NNNNN" with an Index property, inserted by transactions of 100.
async function bulk() {
  await table.createTable();
  for (let start = 0; start < args.count; start += 100) {
    const actions = [];
    for (let i = start; i < Math.min(start + 100, args.count); i++) {
      actions.push(["create", { partitionKey: args.partitionKey, rowKey: String(i).padStart(5, "0"), Index: i }]);
    }
    await table.submitTransaction(actions);
  }
  return { count: args.count };
}

async function keys() {
  const rowKeys = [];
  for await (const entity of table.listEntities({ queryOptions: { select: ["partitionKey", "rowKey"] } })) {
    rowKeys.push(`${entity.partitionKey}/${entity.rowKey}`);
  }
  return { keys: rowKeys };
}

// One page of at most maxPageSize, from an optional continuation token; returns the next token.
async function page() {
  const pages = table.listEntities({ queryOptions: { select: ["rowKey"] } }).byPage({
    maxPageSize: args.maxPageSize,
    continuationToken: args.continuationToken ?? undefined,
  });
  const { value } = await pages.next();
  return { rowKeys: value.map((e) => e.rowKey), continuationToken: value.continuationToken ?? null };
}

const ops = { write, read, get, update, transaction, bulk, keys, page };
if (!ops[args.op]) {
  console.error(`unknown op ${args.op}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await ops[args.op]()));
