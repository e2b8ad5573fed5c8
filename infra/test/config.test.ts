/**
 * The stage settings (infra/config.ts) on their own, with stand-ins for the two
 * SST globals they read: every rule for the mail sender and the alarm address.
 */
import { afterEach, describe, expect, test, vi } from "vitest";

const SETTINGS = [
  "AUTH_EMAIL_SENDER",
  "AUTH_EMAIL_IDENTITY",
  "AUTH_EMAIL_SANDBOX",
  "WEB_DOMAIN",
  "ALARM_EMAIL",
  "MONITORING",
  "AUTH_EMAIL_DNS",
];

async function configFor(stage: string, env: Record<string, string>, dev = false) {
  for (const name of SETTINGS) delete process.env[name];
  Object.assign(process.env, env);
  vi.stubGlobal("$app", { name: "taskmanager", stage });
  vi.stubGlobal("$dev", dev);
  vi.resetModules();
  return import("../config");
}

afterEach(() => {
  vi.unstubAllGlobals();
  for (const name of SETTINGS) delete process.env[name];
});

describe("the mail sender", () => {
  test("a domain is the identity, and mail goes from no-reply@ it", async () => {
    const config = await configFor("prod", { AUTH_EMAIL_SENDER: "example.com" });
    expect(config.emailSettings()).toEqual({
      identity: "example.com",
      from: "no-reply@example.com",
      owner: true,
      sandbox: true,
      dns: "route53",
    });
  });

  test("a domain whose zone is not in Route 53: AUTH_EMAIL_DNS=manual, nothing else understood", async () => {
    const manual = await configFor("prod", {
      AUTH_EMAIL_SENDER: "example.com",
      AUTH_EMAIL_DNS: "manual",
    });
    expect(manual.emailSettings()?.dns).toBe("manual");
    const wrong = await configFor("prod", {
      AUTH_EMAIL_SENDER: "example.com",
      AUTH_EMAIL_DNS: "cloudflare",
    });
    expect(() => wrong.emailSettings()).toThrow(/"route53" or "manual"/);
  });

  test("an address is used as it is", async () => {
    const config = await configFor("production", { AUTH_EMAIL_SENDER: "signups@example.com" });
    expect(config.emailSettings()?.from).toBe("signups@example.com");
  });

  test("production falls back to WEB_DOMAIN; other stages ignore WEB_DOMAIN", async () => {
    const prod = await configFor("prod", { WEB_DOMAIN: "tasks.example.com" });
    expect(prod.emailSettings()?.from).toBe("no-reply@tasks.example.com");
    expect(prod.webDomain).toBe("tasks.example.com");
    const staging = await configFor("staging", { WEB_DOMAIN: "tasks.example.com" });
    expect(staging.webDomain).toBeUndefined();
    expect(() => staging.emailSettings()).toThrow(/no mail sender/);
  });

  test("production and every deployed stage refuse to deploy without one", async () => {
    for (const stage of ["prod", "production", "staging"]) {
      const config = await configFor(stage, {});
      expect(() => config.emailSettings()).toThrow(config.DeployRefused);
      expect(() => config.emailSettings()).toThrow(/AUTH_EMAIL_SENDER/);
    }
  });

  test("sst dev may run without one (codes go to its terminal)", async () => {
    const config = await configFor("dev", {}, true);
    expect(config.emailSettings()).toBeUndefined();
  });

  test("production stages create the identity, others reuse it, unless told", async () => {
    const dev = await configFor("dev", { AUTH_EMAIL_SENDER: "example.com" }, true);
    expect(dev.emailSettings()?.owner).toBe(false);
    const second = await configFor("production", {
      AUTH_EMAIL_SENDER: "example.com",
      AUTH_EMAIL_IDENTITY: "existing",
    });
    expect(second.emailSettings()?.owner).toBe(false);
    const wrong = await configFor("prod", {
      AUTH_EMAIL_SENDER: "example.com",
      AUTH_EMAIL_IDENTITY: "yes",
    });
    expect(() => wrong.emailSettings()).toThrow(/"create" or "existing"/);
  });

  test("AUTH_EMAIL_SANDBOX=false says the account has production access", async () => {
    const config = await configFor("prod", {
      AUTH_EMAIL_SENDER: "example.com",
      AUTH_EMAIL_SANDBOX: "false",
    });
    expect(config.emailSettings()?.sandbox).toBe(false);
  });
});

describe("the alarm address", () => {
  test("production must name someone; other stages may not", async () => {
    const prod = await configFor("prod", {});
    expect(() => prod.alarmEmail()).toThrow(/ALARM_EMAIL/);
    const dev = await configFor("dev", {}, true);
    expect(dev.alarmEmail()).toBeUndefined();
    const set = await configFor("production", { ALARM_EMAIL: "oncall@example.com" });
    expect(set.alarmEmail()).toBe("oncall@example.com");
  });
});

describe("alarms and the dashboard", () => {
  test("production stages always have them; other stages only when asked", async () => {
    for (const stage of ["prod", "production"]) {
      expect((await configFor(stage, {})).monitoringEnabled(), stage).toBe(true);
    }
    expect((await configFor("dev", {}, true)).monitoringEnabled()).toBe(false);
    expect((await configFor("staging", {})).monitoringEnabled()).toBe(false);
    expect((await configFor("staging", { MONITORING: "true" })).monitoringEnabled()).toBe(true);
    expect((await configFor("dev", { MONITORING: "true" }, true)).monitoringEnabled()).toBe(true);
  });

  test("production cannot turn them off, and only true or false is understood", async () => {
    const prod = await configFor("prod", { MONITORING: "false" });
    expect(() => prod.monitoringEnabled()).toThrow(prod.DeployRefused);
    const wrong = await configFor("staging", { MONITORING: "yes" });
    expect(() => wrong.monitoringEnabled()).toThrow(/"true" or "false"/);
  });
});
