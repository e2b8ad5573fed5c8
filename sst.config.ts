/// <reference path="./.sst/platform/config.d.ts" />
export default $config({
  app(input) {
    return { name: "taskmanager", home: "aws", removal: input?.stage === "production" ? "retain" : "remove", protect: input?.stage === "production" };
  },
  async run() {},
});
