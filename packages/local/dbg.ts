import { startStackProcess } from "@taskmanager/local/stack-process";
import { IssuerSession, latestCode } from "@taskmanager/local/sign-in";
const stack = await startStackProcess({ inMemory: true, printMail: false, tables: { tasks: "t-dbg", auth: "a-dbg" }, webOrigins: ["http://127.0.0.1:5173"] });
try {
  const s = new IssuerSession(stack.urls.auth);
  await s.start();
  let r = await s.request("/password/register");
  console.log(r.status, (await r.text()).slice(0, 300));
  r = await s.request("/password/register", { action: "register", email: "a@example.com", password: "correct-horse", repeat: "correct-horse" });
  console.log(r.status, (await r.text()).slice(-1500));
  const code = await latestCode(stack.urls.mail, "a@example.com");
  r = await s.request("/password/register", { action: "verify", code });
  console.log(r.status, r.headers.get("location"), (await r.text()).slice(-1500));
} finally { await stack.stop(); }
