#!/usr/bin/env node
// Demo against the running app (./run.sh): a Shenzhen merchant sells to Karachi (PK), Macau (MO) and Lyon (FR); then
// the corridors the product was started for: a Lahore merchant sells to a buyer in Shanghai paying with Alipay, paid
// out in PKR to a Pakistani IBAN, and a Macau shop sells to a buyer in Zhuhai paying with WeChat Pay, paid out in MOP.
// Starts one checkout per corridor, confirms the landed cost it was quoted (the wallets' buyers approve through the
// sandbox's test helpers), waits for the end and the payout, and prints each checkout's itemized landed cost and its
// timeline (history). Node 20+, no packages; the two seed merchants are created with scripts/merchants.sh (dotnet).
//   node scripts/demo.mjs [baseUrl]          default http://localhost:7071
//   CHECKOUT_API_KEY=ck_... node scripts/demo.mjs   the Shenzhen part as a key from "scripts/merchants.sh create" (default: dev_local_key)
//   DEMO_SEEDS=0 node scripts/demo.mjs       only the Shenzhen part (no merchants created)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const base = (process.argv[2] ?? process.env.CHECKOUT_URL ?? 'http://localhost:7071').replace(/\/$/, '');
let key = process.env.CHECKOUT_API_KEY ?? 'dev_local_key';
const run = Date.now().toString(36);

const corridors = [
  { city: 'Karachi', country: 'PK', postalCode: '75500', currency: 'PKR' },
  { city: 'Macau', country: 'MO', postalCode: null, currency: 'MOP' },
  { city: 'Lyon', country: 'FR', postalCode: '69001', currency: 'EUR' },
];

function cart(c) {
  return {
    merchantReference: `demo-${run}-${c.country.toLowerCase()}`,
    presentmentCurrency: c.currency,
    incoterm: 'DDP',
    buyer: { country: c.country, ...(c.postalCode ? { postalCode: c.postalCode } : {}), email: 'buyer@example.com' },
    shipFrom: { country: 'CN', postalCode: '518000' }, // Shenzhen
    items: [
      { sku: 'TS-1', description: 'Cotton T-shirt', hsCode: '610910', originCountry: 'CN',
        unitPrice: { value: 1250, currency: 'CNY' }, quantity: 2, weightGrams: 200,
        dimensionsCm: { length: 30, width: 20, height: 3 } },
      { sku: 'PC-7', description: 'Silicone phone case', hsCode: '392690', originCountry: 'CN',
        unitPrice: { value: 3900, currency: 'CNY' }, quantity: 1, weightGrams: 80,
        dimensionsCm: { length: 18, width: 10, height: 2 } },
    ],
    shipping: { preference: 'cheapest' },
    payment: { token: 'tok_sandbox_success' },
  };
}

async function call(method, path, body, idempotencyKey) {
  const headers = { Authorization: `Bearer ${key}` };
  if (body) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${json.title} ${json.detail ?? ''}`);
  return json;
}

async function until(id, done) {
  for (let i = 0; i < 240; i++) {
    const status = await call('GET', `/api/checkouts/${id}?showHistory=true`);
    if (done(status.status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`checkout ${id} did not finish`);
}

const terminal = (s) => ['completed', 'rejected', 'expired', 'canceled', 'failed', 'needs_attention'].includes(s);

// Minor units to a decimal string by the ISO 4217 exponent: 2 unless listed (Intl's CLDR digits differ, e.g. PKR 0).
const exponents = { BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3 };
function money({ value, currency }) {
  const digits = exponents[currency] ?? 2;
  const sign = value < 0 ? '-' : '';
  const text = Math.abs(value).toString().padStart(digits + 1, '0');
  const amount = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return `${currency} ${sign}${amount}`.padStart(16);
}

function print(corridor, status) {
  const cost = status.landedCost;
  console.log(`\n=== ${corridor.from ?? 'Shenzhen'} -> ${corridor.city} (${corridor.country}): ${status.id} ${status.status}`);
  if (status.quote) console.log(`    FX ${status.quote.from}->${status.quote.to} at ${status.quote.rate} (quote ${status.quote.id})`);
  if (status.shipping) console.log(`    ${status.shipping.carrier} ${status.shipping.service}, ${status.shipping.days.min}-${status.shipping.days.max} days`);
  if (status.rejection) console.log(`    rejected: ${status.rejection.code} ${status.rejection.detail}`);
  if (cost) {
    console.log(`  Landed cost (${cost.incoterm}):`);
    for (const line of cost.lines) {
      const rate = line.rate != null ? ` @ ${line.rate}` : '';
      console.log(`    ${money(line.amount)}  ${line.kind.padEnd(9)} ${line.description}${rate}  [${line.rule.id}]`);
    }
    console.log(`    ${money(cost.total)}  total (due at checkout ${money(cost.amountDueAtCheckout).trim()})`);
  }
  console.log('  Timeline:');
  for (const event of status.historyEvents ?? []) {
    console.log(`    ${event.timestamp}  ${event.eventType.padEnd(22)} -> ${event.status}${event.detail ? `  ${event.detail}` : ''}`);
  }
}

for (const corridor of corridors) {
  const body = cart(corridor);
  const started = await call('POST', '/api/checkouts', body, body.merchantReference);
  let status = await until(started.id, (s) => s === 'awaiting_confirmation' || terminal(s));
  if (status.status === 'awaiting_confirmation') {
    await call('POST', `/api/checkouts/${started.id}/confirm`, { quoteId: status.quote.id }, `${body.merchantReference}-confirm`);
    status = await until(started.id, terminal);
  }
  print(corridor, status);
}

// The seeds' corridors into China: each merchant settles in its own currency and is paid out to its bank account there.
const seeds = [
  {
    from: 'Lahore', shipFrom: { country: 'PK', postalCode: '54000' }, to: 'Shanghai',
    // Chinese customs take the buyer's name and resident identity card number for a cross-border e-commerce import.
    buyer: { country: 'CN', postalCode: '200000', identity: { name: '王小明', idNumber: '11010519491231002X' } },
    merchant: 'Lahore Looms', settlement: 'PKR', method: 'alipay',
    // A valid Pakistani IBAN (24 characters, mod-97) whose account ends in the sandbox rail's "paid at once" digits.
    destination: { accountHolderName: 'Lahore Looms', country: 'PK', currency: 'PKR', iban: 'PK60SCBL0000000123456789', bic: 'SCBLPKKX' },
    item: { sku: 'SH-4', description: 'Hand-embroidered cotton shawl', hsCode: '621490', originCountry: 'PK',
      unitPrice: { value: 450000, currency: 'PKR' }, quantity: 1, weightGrams: 350, dimensionsCm: { length: 30, width: 25, height: 4 } },
  },
  {
    from: 'Macau', shipFrom: { country: 'MO' }, to: 'Zhuhai',
    buyer: { country: 'CN', postalCode: '519000', identity: { name: '李娜', idNumber: '440524198001010013' } },
    merchant: 'Macau Pastries', settlement: 'MOP', method: 'wechat_pay',
    destination: { accountHolderName: 'Macau Pastries', country: 'MO', currency: 'MOP', accountNumber: '9000123456789', bic: 'BKCHMOMX' },
    item: { sku: 'ET-12', description: 'Porcelain tea set', hsCode: '691110', originCountry: 'MO',
      unitPrice: { value: 38000, currency: 'MOP' }, quantity: 1, weightGrams: 1200, dimensionsCm: { length: 30, width: 22, height: 12 } },
  },
];

function createMerchant(seed) {
  const script = fileURLToPath(new URL('./merchants.sh', import.meta.url));
  let output;
  try {
    output = execFileSync('bash', [script, 'create', '--name', seed.merchant, '--settlement-currency', seed.settlement,
      '--payout-destination', JSON.stringify(seed.destination)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // The build's and the command's own output, only when it failed (a successful build's restore warnings are noise here).
    throw new Error(`scripts/merchants.sh create failed:\n${error.stderr ?? ''}${error.stdout ?? ''}`);
  }
  const lines = output.trim().split('\n');
  console.log(`\n${lines[0]}\n${lines[1]}`);
  return lines[lines.length - 1];
}

if (process.env.DEMO_SEEDS !== '0') {
  for (const seed of seeds) {
    key = createMerchant(seed);
    const body = {
      merchantReference: `demo-${run}-${seed.shipFrom.country.toLowerCase()}-cn`, presentmentCurrency: 'CNY', incoterm: 'DDP',
      buyer: seed.buyer, shipFrom: seed.shipFrom, items: [seed.item], shipping: { preference: 'cheapest' }, payment: { method: seed.method },
    };
    const started = await call('POST', '/api/checkouts', body, body.merchantReference);
    let status = await until(started.id, (s) => s === 'awaiting_confirmation' || terminal(s));
    if (status.status === 'awaiting_confirmation') {
      await call('POST', `/api/checkouts/${started.id}/confirm`, { quoteId: status.quote.id }, `${body.merchantReference}-confirm`);
      status = await until(started.id, (s) => s === 'requires_action' || terminal(s));
    }
    if (status.status === 'requires_action') {
      const action = status.nextAction;
      console.log(`    ${seed.method} asks the buyer: ${action.type} ${action.redirectUrl ?? action.qrCodePayload} (until ${action.expiresAt})`);
      await call('POST', `/api/test-helpers/checkouts/${started.id}/wallet/pay`); // the sandbox's buyer approves it
      status = await until(started.id, terminal);
    }
    print({ from: seed.from, city: seed.to, country: 'CN' }, status);
    if (status.payoutId) {
      let payout;
      for (let i = 0; i < 120 && payout?.status !== 'paid'; i++) {
        payout = await call('GET', `/api/payouts/${status.payoutId}`);
        if (payout.status !== 'paid') await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const destination = await call('GET', '/api/payout-destination');
      console.log(`  Payout ${payout.id}: ${money(payout.amount).trim()} ${payout.status} to ${destination.account} (${destination.country}, ${destination.accountHolderName})`);
    }
  }
}
