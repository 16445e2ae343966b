/** Data hooks and upload steps of the 总结审校 page (POST /api/documents/analyze, check, table). */
import { useMutation } from '@tanstack/react-query';
import { api, ApiError, qs, saveBlob } from '../../lib/api.ts';
import { contentTypeOf, matchOrg, tableFileName } from './documents-view.ts';
import type { DocAnalyzed, DocCheck, SummaryRowItem } from './types.ts';

/** One uploaded summary once read and proofread. */
export interface ProcessedDoc {
  analyzed: DocAnalyzed;
  check: DocCheck;
  /** The organization whose records its numbers were compared with; null when not compared. */
  comparedWith: { id: string; name: string } | null;
  /** Why the numbers were not compared with the records although the document names an organization here. */
  compareNote: string | null;
}

/** One uploaded file and what the API answered for it. */
export interface DocEntry {
  uid: string;
  file: File;
  state: 'loading' | 'done' | 'error';
  result: ProcessedDoc | null;
  error: string | null;
}

/**
 * Reads and proofreads one file through the API. The numbers are compared with the records of
 * the organization the document names, when it is one of `orgs` (the current organization and
 * the ones under it) and `compare` is on; a document whose period cannot be read is then
 * proofread without the comparison, with a note. Throws ApiError (or Error for an unsupported file).
 */
export async function processDocument(file: File, orgs: readonly { id: string; name: string }[], compare: boolean): Promise<ProcessedDoc> {
  const type = contentTypeOf(file.name);
  if (!type) throw new Error('只支持 .docx 和 .txt 文件');
  const analyzed = await api.upload<DocAnalyzed>(`/api/documents/analyze${qs({ name: file.name })}`, file, type);
  const org = compare ? matchOrg(analyzed.analysis.org, orgs) : null;
  if (org) {
    try {
      const check = await api.upload<DocCheck>(`/api/documents/check${qs({ orgId: org.id })}`, file, type);
      return { analyzed, check, comparedWith: { id: org.id, name: org.name }, compareNote: null };
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400) throw e;
      const check = await api.upload<DocCheck>('/api/documents/check', file, type);
      return { analyzed, check, comparedWith: null, compareNote: `未与记录核对：${e.message}` };
    }
  }
  const check = await api.upload<DocCheck>('/api/documents/check', file, type);
  return { analyzed, check, comparedWith: null, compareNote: null };
}

/** Downloads the collected-summaries table (.xlsx) of the given rows. */
export function useExportTable() {
  return useMutation({
    mutationFn: async (rows: SummaryRowItem[]) => {
      const { blob, filename } = await api.file('POST', '/api/documents/table', { rows });
      saveBlob(blob, tableFileName(filename));
    },
  });
}
