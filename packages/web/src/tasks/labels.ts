import type { TASK_PRIORITIES, TASK_STATUSES } from "@taskmanager/core/task/schema";

export const statusLabel: Record<(typeof TASK_STATUSES)[number], string> = {
  todo: "To do",
  in_progress: "In progress",
  done: "Done",
};

export const priorityLabel: Record<(typeof TASK_PRIORITIES)[number], string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};
