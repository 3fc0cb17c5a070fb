/** The designer's shell: session gate, header, and the page the route names. */
import { useSession } from '../auth/useSession.js';
import { LoginPage } from '../auth/LoginPage.js';
import { JourneysPage } from '../journeys/JourneysPage.js';
import { EditorPage } from '../editor/EditorPage.js';
import { ReviewQueuePage } from '../review/ReviewQueuePage.js';
import { ReviewWorkspace } from '../review/ReviewWorkspace.js';
import { TasksPage } from '../tasks/TasksPage.js';
import { AdminPage } from '../admin/AdminPage.js';
import { ConnectorsPage } from '../connector-instances/ConnectorsPage.js';
import { PatientsPage } from '../patients/PatientsPage.js';
import { HygienePage } from '../hygiene/HygienePage.js';
import { hrefOf, useRoute } from './router.js';

export function App() {
  const { session, login, logout } = useSession();
  const route = useRoute();
  if (session.status === 'loading')
    return (
      <div className="splash" aria-busy="true">
        Loading…
      </div>
    );
  if (session.status === 'signed-out') return <LoginPage onLogin={login} notice={session.error} />;
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href={hrefOf({ page: 'journeys' })} data-testid="nav-journeys">
          Carepath
        </a>
        <nav aria-label="Main">
          <a href={hrefOf({ page: 'journeys' })}>Journeys</a>
          <a href={hrefOf({ page: 'reviews' })} data-testid="nav-reviews">
            Reviews
          </a>
          {(session.user.roles.includes('care-team') || session.user.roles.includes('program-manager')) && (
            <a href={hrefOf({ page: 'tasks' })} data-testid="nav-tasks">
              Tasks
            </a>
          )}
          {(session.user.roles.includes('care-team') || session.user.roles.includes('program-manager')) && (
            <a href={hrefOf({ page: 'patients' })} data-testid="nav-patients">
              Patients
            </a>
          )}
          {(session.user.roles.includes('engineer') || session.user.roles.includes('admin')) && (
            <a href={hrefOf({ page: 'connectors' })} data-testid="nav-connectors">
              Connectors
            </a>
          )}
          {(session.user.roles.includes('admin') || session.user.roles.includes('compliance-reviewer')) && (
            <a href={hrefOf({ page: 'admin' })} data-testid="nav-admin">
              {session.user.roles.includes('admin') ? 'Admin' : 'Audit trail'}
            </a>
          )}
        </nav>
        <span className="spacer" />
        <span className="muted" data-testid="current-user">
          {session.user.name || session.user.email}
        </span>
        <button type="button" className="link" onClick={logout} data-testid="logout">
          Sign out
        </button>
      </header>
      {route.page === 'editor' ? (
        <EditorPage key={route.journeyId} journeyId={route.journeyId} />
      ) : route.page === 'reviews' ? (
        <ReviewQueuePage user={session.user} />
      ) : route.page === 'tasks' ? (
        <TasksPage user={session.user} taskId={route.taskId} />
      ) : route.page === 'patients' ? (
        <PatientsPage patientId={route.patientId} />
      ) : route.page === 'hygiene' ? (
        <HygienePage filter={{ journeyId: route.journeyId, versionId: route.versionId }} />
      ) : route.page === 'connectors' ? (
        <ConnectorsPage />
      ) : route.page === 'admin' ? (
        <AdminPage user={session.user} />
      ) : route.page === 'review' ? (
        <ReviewWorkspace key={route.versionId} versionId={route.versionId} user={session.user} />
      ) : (
        <JourneysPage />
      )}
    </div>
  );
}
