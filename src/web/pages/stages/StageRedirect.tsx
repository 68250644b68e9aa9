import { Navigate, useParams } from 'react-router';
import { useStageAttempts } from '../../api/stageQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { QueryView } from '../../components/QueryView.js';
import { appPaths } from '../../lib/appPaths.js';

/** `…/stages/:stageId` without an attempt → the stage's newest attempt. */
export default function StageRedirect() {
  const app = useAppRef();
  const stageId = Number(useParams().stageId);
  const attempts = useStageAttempts(app, stageId);
  return (
    <QueryView query={attempts} loadingLabel="Loading stage…">
      {(list) => {
        const newest = Math.max(0, ...list.map((s) => s.attemptId));
        return <Navigate replace to={appPaths.stage(app, stageId, newest)} />;
      }}
    </QueryView>
  );
}
