/** Patients: the record with contact details and time zone (the input schema lives with the patient service). */
import { z } from '@hono/zod-openapi';

export const Patient = z
  .object({
    id: z.string(),
    name: z.string(),
    phone: z.string().optional().openapi({ description: 'E.164' }),
    email: z.string().optional(),
    timeZone: z.string().openapi({ description: 'IANA time zone', example: 'America/New_York' }),
    attributes: z.record(z.string(), z.unknown()),
    test: z.boolean().openapi({ description: 'A test patient: the development channel may reply as them' }),
    createdAt: z.string(),
  })
  .openapi('Patient');
export type Patient = z.infer<typeof Patient>;

export const PatientAnswer = z.object({ patient: Patient }).openapi('PatientAnswer');

export const PatientList = z.object({ patients: z.array(Patient) }).openapi('PatientList');
