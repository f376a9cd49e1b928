import type { ChaperoneApplicationStatus } from "#db/schema/chaperones";
import { APPLICATION_STATUS_LABELS } from "~/domain/chaperones/states";
import { Tag } from "~/ui/govuk/components";

const COLOURS = {
  draft: "grey",
  submitted: "blue",
  "checks-in-progress": "purple",
  "information-requested": "yellow",
  granted: "green",
  refused: "red",
  withdrawn: "grey",
} as const satisfies Record<ChaperoneApplicationStatus, string>;

export function ApplicationStatusTag({ status }: { status: ChaperoneApplicationStatus }) {
  return <Tag colour={COLOURS[status]}>{APPLICATION_STATUS_LABELS[status]}</Tag>;
}
