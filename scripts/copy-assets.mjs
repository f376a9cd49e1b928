// Copies GOV.UK Frontend's fonts and images into public/assets, where its CSS expects them.
import { cpSync, rmSync } from "node:fs";

rmSync("public/assets", { recursive: true, force: true });
cpSync("node_modules/govuk-frontend/dist/govuk/assets", "public/assets", { recursive: true });
