/** Test patients of a journey: the enrollments a manager made from the designer's test run, to reopen in any tab. */
import { z } from '@hono/zod-openapi';
import { EnrollmentStatus } from './enrollment.js';

export const TestEnrollmentQuery = z.object({
  by: z.enum(['me', 'anyone']).default('anyone').openapi({
    description: '`me`: only the test patients the caller enrolled; `anyone` (default): every test patient',
  }),
  versionId: z.string().min(1).max(100).optional().openapi({ description: 'Only enrollments in this version' }),
});

export const TestEnrollment = z
  .object({
    id: z.string(),
    versionId: z.string(),
    versionNumber: z.number().int(),
    patientId: z.string(),
    patientName: z.string(),
    status: EnrollmentStatus,
    reason: z.string().optional(),
    startedAt: z.string(),
    endedAt: z.string().optional(),
    /** Who enrolled the test patient; null for enrollments from before this was recorded. */
    enrolledBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi('TestEnrollment');
export type TestEnrollment = z.infer<typeof TestEnrollment>;

export const TestEnrollmentList = z.object({ testEnrollments: z.array(TestEnrollment) }).openapi('TestEnrollmentList');
