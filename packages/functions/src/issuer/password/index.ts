/**
 * Email + password sign-in, modelled on OpenAuth 0.4.3's PasswordProvider (same
 * routes, the same stored password hashes and subject), with what it lacks:
 * attempt limits kept in DynamoDB (../limits.ts), the same cost for unknown and
 * known accounts, email addresses checked as such, and our own pages. It could
 * not be wrapped: the emailed code and its state live inside the provider.
 *
 * Its three flows share the code sender and the hand-over to OpenAuth (flow.ts):
 * sign-in.ts (/authorize), sign-up.ts (/register) and reset.ts (/change).
 */
import type { Provider } from "@openauthjs/openauth/provider/provider";
import { type PasswordProviderConfig, passwordFlow } from "./flow";
import { resetRoutes } from "./reset";
import { signInRoutes } from "./sign-in";
import { signUpRoutes } from "./sign-up";

export type { PasswordProviderConfig } from "./flow";

export function PasswordProvider(config: PasswordProviderConfig): Provider<{ email: string }> {
  return {
    type: "password",
    init(routes, ctx) {
      const flow = passwordFlow(routes, ctx, config);
      signInRoutes(flow);
      signUpRoutes(flow);
      resetRoutes(flow);
    },
  };
}
