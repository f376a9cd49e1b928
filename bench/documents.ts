/**
 * `npm run bench:documents`: signed licences per second on one core, and the signed ÷ unsigned time for the
 * same licence (render + save versus render + placeholder + save + CMS signature). Goals: ≥ 50/s, ratio ≤ 1.5.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DocumentContent } from "../app/domain/documents/content";
import { demoPhoto } from "../app/domain/documents/demoPhoto";
import { renderDocument } from "../app/domain/documents/render";
import { signingIdentity, signPdf } from "../app/domain/documents/signing";

process.env.SIGNING_DIR ??= mkdtempSync(path.join(tmpdir(), "clp-bench-signing-"));
const N = Number(process.env.BENCH_N ?? 300);

const content: DocumentContent = {
  kind: "performance-licence",
  reference: "NMC-PL-2026-000123",
  verifyUrl: "http://localhost:3000/verify/NMC-PL-2026-000123",
  specimen: true,
  authority: { name: "Northmere Council", code: "NMC" },
  holder: { name: "Footlights Productions Ltd", description: "Licence holder (producer)" },
  child: { name: "Amelia Example", dateOfBirth: "2015-03-14", photo: demoPhoto("amelia") },
  validFrom: "2026-12-01",
  validTo: "2027-01-10",
  details: [
    { label: "Production", value: "Cinderella (pantomime)" },
    { label: "Venue", value: "Northmere Playhouse, 1 Market Street, Northmere NM1 1AA" },
    { label: "Payment", value: "£40 a performance" },
  ],
  conditions: ["Supervised at all times by the named chaperone.", "The hours and breaks in the schedule must be kept."],
  schedule: {
    caption: "Schedule",
    head: ["Date", "At the venue", "Performing", "Breaks"],
    rows: Array.from({ length: 10 }, (_, i) => [`${i + 1} Dec`, "17:30–21:15", "19:00–20:10", "Meal 18:15–18:45"]),
  },
  issuedBy: { name: "Olive Officer", role: "Licensing officer" },
  issuedAt: "2026-11-23T10:00:00.000Z",
};

const identity = await signingIdentity(content.authority);
const meta = { reason: content.reference, location: content.authority.name, contactInfo: content.verifyUrl };
const unsigned = async () => (await renderDocument(content)).save();
const signed = async () => signPdf(await renderDocument(content), identity, meta);

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 30; i++) await fn(); // warm up
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const total = performance.now() - start;
  samples.sort((a, b) => a - b);
  return { mean: total / N, p50: samples[Math.floor(N / 2)], p95: samples[Math.floor(N * 0.95)] };
}

// Interleave the two so machine noise hits both alike.
const u1 = await time(unsigned);
const s1 = await time(signed);
const u2 = await time(unsigned);
const s2 = await time(signed);
const u = (u1.mean + u2.mean) / 2;
const s = (s1.mean + s2.mean) / 2;
console.log(`unsigned licence: ${u.toFixed(2)} ms mean (p50 ${u1.p50.toFixed(2)}, p95 ${u1.p95.toFixed(2)})`);
console.log(`signed licence:   ${s.toFixed(2)} ms mean (p50 ${s1.p50.toFixed(2)}, p95 ${s1.p95.toFixed(2)})`);
console.log(`signed licences per second on one core: ${(1000 / s).toFixed(0)}`);
console.log(`signed ÷ unsigned: ${(s / u).toFixed(2)}`);
