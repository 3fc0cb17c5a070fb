/** Who may call each operation of the API: the expectation the role test holds the served OpenAPI document and the server to. */
import { ROLES, type Role } from '../people/roles.js';

const PM = 'program-manager';
const CR = 'compliance-reviewer';
const CT = 'care-team';
const EVERYONE = [...ROLES];

/** `public` needs no session; otherwise the roles admitted. Patient data (names, contacts, messages, answers) is PM and care team only. */
export const EXPECTED_ROLES: Record<string, readonly Role[] | 'public'> = {
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  'POST /api/sessions': 'public',
  'DELETE /api/sessions': EVERYONE,
  'GET /api/sessions/current': EVERYONE,

  'GET /api/journeys': [PM, CR],
  'POST /api/journeys': [PM],
  'GET /api/journeys/{id}': [PM, CR],
  'PUT /api/journeys/{id}/draft': [PM],
  'POST /api/journeys/{id}/versions': [PM],
  'POST /api/validate': [PM, CR, 'engineer'],
  'GET /api/journeys/{id}/review-settings': [PM, CR],
  'PUT /api/journeys/{id}/review-settings': ['admin'],

  'GET /api/versions/{id}': [PM, CR],
  'GET /api/versions/{id}/live-counts': [PM, CT, CR],
  'POST /api/versions/{id}/publish': [PM],
  'POST /api/versions/{id}/pause': [PM],
  'POST /api/versions/{id}/resume': [PM],
  'POST /api/versions/{id}/retire': [PM],
  'POST /api/versions/{id}/submit': [PM],
  'POST /api/versions/{id}/signatures': [CR],
  'GET /api/versions/{id}/signatures': [PM, CR],
  'GET /api/versions/{id}/diff': [PM, CR],
  'GET /api/versions/{id}/export': [PM, CR],
  'GET /api/reviews/queue': [CR],
  'GET /api/versions/{id}/comments': [PM, CR],
  'POST /api/versions/{id}/comments': [PM, CR],
  'POST /api/comments/{id}/replies': [PM, CR],
  'POST /api/comments/{id}/resolve': [PM, CR],

  'GET /api/patients': [PM, CT],
  'POST /api/patients': [PM, CT],
  'GET /api/patients/{id}': [PM, CT],
  'POST /api/enrollments': [PM, CT],
  'GET /api/enrollments': [PM, CT],
  'GET /api/enrollments/{id}': [PM, CT],
  'POST /api/enrollments/{id}/exit': [PM, CT],
  'POST /api/enrollments/{id}/events': [PM, CT],
  // Skipping a wait is for trying a journey out with a test patient: design work.
  'POST /api/enrollments/{id}/skip-wait': [PM],
  'POST /api/versions/{id}/bulk-enrollments/preview': [PM, CT],
  'POST /api/versions/{id}/bulk-enrollments': [PM, CT],
  'GET /api/versions/{id}/enrollments': [PM, CT],
  // Migrations move patients between versions: a program decision, so program managers only.
  'POST /api/versions/{id}/migrations/dry-run': [PM],
  'POST /api/versions/{id}/migrations': [PM],
  'GET /api/versions/{id}/migrations': [PM],
  'GET /api/migrations/{id}': [PM],
  'POST /api/migrations/{id}/retry': [PM],
  'GET /api/journeys/{id}/test-enrollments': [PM, CT],
  'GET /api/enrollments/{id}/path': [PM, CT],
  'GET /api/inbox/{patientId}': [PM, CT],
  'POST /api/inbox/{patientId}/replies': [PM, CT],
  'GET /api/patients/{patientId}/consents': [PM, CT],
  'POST /api/patients/{patientId}/consents': [PM, CT],
  'PUT /api/patients/{patientId}/contact': [PM, CT],
  'GET /api/contact-hygiene': [PM, CT],
  'POST /api/temporal-codec/decode': [PM, CT],
  'POST /api/temporal-codec/encode': [PM, CT],

  'GET /api/tasks': [CT, PM],
  'GET /api/tasks/{id}': [CT, PM],
  'POST /api/tasks/{id}/claim': [CT],
  // An admin may hand back a task someone claimed and left; the answer holds no patient data.
  'POST /api/tasks/{id}/release': [CT, 'admin'],
  'POST /api/tasks/{id}/complete': [CT],

  'GET /api/connectors': EVERYONE,
  'GET /api/connector-types': ['engineer', 'admin'],
  'GET /api/connector-instances': ['engineer', 'admin'],
  'POST /api/connector-instances': ['engineer', 'admin'],
  'GET /api/connector-instances/{id}': ['engineer', 'admin'],
  'PUT /api/connector-instances/{id}': ['engineer', 'admin'],
  'DELETE /api/connector-instances/{id}': ['engineer', 'admin'],
  'POST /api/connector-instances/{id}/test-messages': ['engineer', 'admin'],

  'GET /api/audit/verify': [CR, 'admin'],
  'GET /api/audit/export': [CR, 'admin'],
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'GET /api/users/{id}': ['admin'],
  'PATCH /api/users/{id}': ['admin'],
  'PUT /api/users/{id}/status': ['admin'],
};
