// The quarterly status of the key figures: which quarters have one, and the figures as they stood
// at the end of a quarter. Pure: each quarter's status is computed from the same indicator data, so
// earlier quarters stay reproducible when new figures arrive.
import { requirePeriod } from "../lib/danish.ts";
import type { Indicator } from "./schema.ts";

/** A calendar quarter; `id` is "2020-K3" as in indicator data, `slug` "2020-k3" as in addresses. */
export interface Quarter {
  year: number;
  quarter: number;
  id: string;
  slug: string;
  /** "3. kvartal 2020". */
  text: string;
}

export function quarter(year: number, index: number): Quarter {
  return { year, quarter: index, id: `${year}-K${index}`, slug: `${year}-k${index}`, text: `${index}. kvartal ${year}` };
}

/** The quarter a period ends in: a month's quarter, the quarter itself, or a year's 4th quarter. */
export function quarterOfPeriod(text: string): Quarter {
  const period = requirePeriod(text);
  if (period.kind === "month") return quarter(period.year, Math.ceil(period.index / 3));
  if (period.kind === "quarter") return quarter(period.year, period.index);
  return quarter(period.year, 4);
}

const order = (q: Quarter) => q.year * 4 + q.quarter;

/** Every quarter in which a key figure (nøgletal) got a new figure, oldest first. */
export function statusQuarters(indicators: Iterable<Indicator>): Quarter[] {
  const found = new Map<string, Quarter>();
  for (const indicator of indicators) {
    if (indicator.kind !== "nøgletal") continue;
    for (const series of indicator.series) {
      for (const observation of series.observations) {
        const q = quarterOfPeriod(observation.period);
        found.set(q.id, q);
      }
    }
  }
  return [...found.values()].sort((a, b) => order(a) - order(b));
}

/** The indicator as it stood at the end of `q`: observations of periods that ended later are left out. */
export function asOfQuarter(indicator: Indicator, q: Quarter): Indicator {
  return {
    ...indicator,
    series: indicator.series.map((series) => ({
      ...series,
      observations: series.observations.filter((observation) => order(quarterOfPeriod(observation.period)) <= order(q)),
    })),
  };
}
