/**
 * Background job status (docs/api-reference.md 3.12.1): entry counts from `_meta.bjEntryCompletionStatusVsCount`
 * (missing keys mean 0) and the rule that says a job is finished.
 */
import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../shared/envelope';

export const ENTRY_STATUSES = ['INVALID', 'NOT_STARTED', 'SUCCESS', 'ERROR'] as const;

/** Count per entry status, every status present; undefined when the job carries no counts. */
export function entryCounts(meta: IDataObject): IDataObject | undefined {
	const raw = meta.bjEntryCompletionStatusVsCount;
	if (!isObject(raw)) return undefined;
	const counts: IDataObject = {};
	for (const status of ENTRY_STATUSES) counts[status] = Number(raw[status] ?? 0) || 0;
	for (const [status, count] of Object.entries(raw))
		if (!(status in counts)) counts[status] = count;
	return counts;
}

/**
 * Finished when `completedAt > 0`, or `completionStatus` is no longer IN_PROGRESS, or no entry is
 * NOT_STARTED any more (DERIVED rule of docs/api-reference.md 3.12.1).
 */
export function isJobFinished(job: IDataObject, counts: IDataObject | undefined): boolean {
	if (typeof job.completedAt === 'number' && job.completedAt > 0) return true;
	if (typeof job.completionStatus === 'string' && job.completionStatus !== 'IN_PROGRESS')
		return true;
	return counts !== undefined && counts.NOT_STARTED === 0;
}
