import { z } from 'zod';

/** The parts of vitest's JSON reporter output the consumer step reads. */
const Assertion = z.looseObject({
  fullName: z.string(),
  status: z.string(),
  failureMessages: z.array(z.string()).nullish(),
});

const FileResult = z.looseObject({
  name: z.string(),
  status: z.string(),
  message: z.string().optional(),
  assertionResults: z.array(Assertion).default([]),
});

export const VitestReport = z.looseObject({
  numTotalTests: z.number().int(),
  numFailedTests: z.number().int(),
  numPassedTests: z.number().int(),
  testResults: z.array(FileResult).default([]),
});
export type VitestReport = z.infer<typeof VitestReport>;

export interface ConsumerFailure {
  readonly file: string;
  readonly test: string;
  readonly message: string;
}

/** Every failed test, and every file that failed without running a test (an import error, say). */
export function consumerFailures(report: VitestReport): ConsumerFailure[] {
  return report.testResults.flatMap((file): ConsumerFailure[] => {
    const failed = file.assertionResults.filter((a) => a.status === 'failed');
    if (failed.length > 0) return failed.map((a) => ({ file: file.name, test: a.fullName, message: (a.failureMessages ?? []).join('\n') }));
    return file.status === 'failed' ? [{ file: file.name, test: '(file)', message: file.message ?? 'failed' }] : [];
  });
}
