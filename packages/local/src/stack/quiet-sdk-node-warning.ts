/**
 * Imported first by `pnpm start`. The AWS SDK warns, once in every process, that its
 * releases from 2027 on need Node 22; the local stack starts several processes, and
 * the warning (which says "You are running node v20") stood before the URLs people
 * look for, and made tools that wait for "running" think the stack was up. The README
 * says it instead: Node 20 runs this today, and Node 22 (what Lambda runs) is the one
 * to have. An explicit setting wins.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
