import { Navigate, useParams } from 'react-router';
import { useApplication } from '../../api/applicationQueries.js';
import { QueryView } from '../../components/QueryView.js';
import { appPaths } from '../../lib/appPaths.js';

/** `/apps/:appId` → the newest attempt's Jobs tab (what Spark's History Server does for `/history/<app>`). */
export default function AppRedirect() {
  const { appId = '' } = useParams();
  const application = useApplication(appId);
  return (
    <QueryView query={application} loadingLabel="Loading application…" errorTitle={`Application ${appId} not found`}>
      {(app) => <Navigate replace to={appPaths.jobs({ appId, attemptId: app.attempts[0]?.attemptId })} />}
    </QueryView>
  );
}
