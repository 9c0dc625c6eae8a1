// A committee case (sag): the small data file in data/cases/ that says which PDFs go to which
// meeting, under which journal number. Validator and type from one source, like the other data files.
import { z } from "zod";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'mødedatoen skrives som "2024-10-08"');

export const caseSchema = z.strictObject({
  $schema: z.string().optional(),
  /** The agenda item's heading, e.g. "Revidering af beskæftigelsesstrategi". */
  title: z.string().min(1),
  committee: z.string().min(1),
  meeting: date,
  agenda_item: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
  /** The case's journal number (journalnummer), e.g. "15.00.00-A00-12-22". */
  journal: z.string().min(1),
  /** The case officer's own opening lines for the write-up (sagsfremstilling). */
  summary: z.string().min(1).optional(),
  /**
   * The attachments in the order the case lists them; bilag numbers follow that order. `document` is
   * a document's folder or id ("strategi/2022" or "strategi-2022", "bilag/indikatorer"), a
   * comparison's ("strategi-2022-aendringer") or "status" for the newest quarterly status. `public: false` marks one that may not be published.
   */
  attachments: z
    .array(z.strictObject({ document: z.string().min(1), public: z.boolean().optional() }))
    .min(1),
});

export type CommitteeCase = z.infer<typeof caseSchema>;
