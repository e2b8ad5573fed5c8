/**
 * Path parameters shared by the route files: apart from the routes themselves, so a
 * handler carries only its own subject's entries.
 */
import { TaskId } from "@taskmanager/core/task/schema";

/** The path parameter of every route under a task. */
export const taskParams = { taskId: TaskId };
