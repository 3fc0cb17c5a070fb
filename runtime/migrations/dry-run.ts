/** The dry run of a migration: the mapping, how many waiting patients go where, and who cannot move now and why. Changes nothing. */
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { migrationMapping, isResumable, type StepChoices } from './mapping.js';
import { migrationVersions, type MigrationVersions } from './versions.js';
import { blockers, waitingEnrollments, type WaitingEnrollment } from './waiting.js';

export interface MigrationRequest {
  fromVersionId: string;
  /** Hand choices by step of the old version; unchanged steps need none. */
  mapping?: StepChoices;
}

export interface MovingEnrollment extends WaitingEnrollment {
  step: string;
  to: string;
  kept: boolean;
}

/** Why a patient found waiting in N does not move in this migration, before any blocker is asked about. */
function unmovableBecause(
  enrollment: WaitingEnrollment,
  plan: MigrationVersions,
  targets: ReturnType<typeof migrationMapping>['targets'],
): string | undefined {
  const { step } = enrollment;
  if (!step)
    return 'Where the patient waits is not known yet (Temporal visibility has not caught up); try again in a moment.';
  if (!isResumable(plan.fromDocument.steps[step]))
    return `The patient is passing through step "${step}"; try again in a moment.`;
  if (!targets[step]) return `Step "${step}" has no target in the mapping yet.`;
  return undefined;
}

export async function migrationDryRun(
  db: Database,
  client: Client | undefined,
  actor: string,
  toVersionId: string,
  request: MigrationRequest,
  /** The versions, when the caller has checked them already. */
  checked?: MigrationVersions,
) {
  const plan = checked ?? (await migrationVersions(db, actor, request.fromVersionId, toVersionId));
  const mapping = migrationMapping(plan.fromDocument, plan.toDocument, request.mapping);
  const found = await waitingEnrollments(db, client, plan.from.id);
  const blocked = await blockers(db, plan.fromDocument, found);
  const moving: MovingEnrollment[] = [];
  const cannotMove: (WaitingEnrollment & { reason: string })[] = [];
  for (const enrollment of found) {
    const reason = unmovableBecause(enrollment, plan, mapping.targets) ?? blocked.get(enrollment.id);
    if (reason) cannotMove.push({ ...enrollment, reason });
    else {
      const target = mapping.targets[enrollment.step!];
      moving.push({ ...enrollment, step: enrollment.step!, to: target.to, kept: target.keep });
    }
  }
  const byTarget = new Map<string, { from: string; to: string; kept: boolean; patients: number }>();
  for (const m of moving) {
    const key = `${m.step} ${m.to}`;
    const row = byTarget.get(key) ?? { from: m.step, to: m.to, kept: m.kept, patients: 0 };
    row.patients += 1;
    byTarget.set(key, row);
  }
  return {
    plan,
    mapping,
    moving,
    answer: {
      fromVersion: { id: plan.from.id, number: plan.from.number },
      toVersion: { id: plan.to.id, number: plan.to.number, status: plan.to.status },
      mapping: { rows: mapping.rows, problems: mapping.problems, unmapped: mapping.unmapped },
      /** The steps of M a patient can be sent to, for the hand choices. */
      targetSteps: Object.entries(plan.toDocument.steps)
        .filter(([, step]) => isResumable(step))
        .map(([id, step]) => ({ id, type: step.type, ...(step.name ? { name: step.name } : {}) })),
      running: found.length,
      moving: moving.length,
      byTarget: [...byTarget.values()],
      cannotMove: cannotMove.map(({ id, patientId, patientName, step, reason }) => ({
        enrollmentId: id,
        patientId,
        patientName,
        ...(step ? { step } : {}),
        reason,
      })),
    },
  };
}
