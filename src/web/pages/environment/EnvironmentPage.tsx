import { useMemo } from 'react';
import type { ApplicationEnvironmentInfo } from '../../../api/index.js';
import { useEnvironment } from '../../api/environmentQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { QueryView } from '../../components/QueryView.js';
import { PropertySection, type PropertyRow } from './PropertySection.js';
import { RedactedAwareValue } from './RedactedAwareValue.js';
import { resourceProfileText } from './resourceProfileText.js';

const pairs = (list: readonly (readonly [string, string])[]): PropertyRow[] => list.map(([name, value]) => ({ name, value }));
const propertyValue = (v: string) => <RedactedAwareValue value={v} />;
const profileContents = (v: string) => <pre className="whitespace-pre-wrap font-mono text-xs">{v}</pre>;
const CLASSPATH_HEADERS = ['Resource', 'Source'] as const;
const PROFILE_HEADERS = ['Resource Profile Id', 'Resource Profile Contents'] as const;

function Sections({ env }: { env: ApplicationEnvironmentInfo }) {
  const rows = useMemo(
    () => ({
      runtime: [
        { name: 'Java Version', value: env.runtime.javaVersion },
        { name: 'Java Home', value: env.runtime.javaHome },
        { name: 'Scala Version', value: env.runtime.scalaVersion },
      ],
      spark: pairs(env.sparkProperties),
      profiles: env.resourceProfiles.map((p) => ({ name: String(p.id), value: resourceProfileText(p) })),
      hadoop: pairs(env.hadoopProperties),
      system: pairs(env.systemProperties),
      metrics: pairs(env.metricsProperties),
      classpath: pairs(env.classpathEntries),
    }),
    [env],
  );
  return (
    <>
      <PropertySection title="Runtime Information" prefix="runtime" rows={rows.runtime} />
      <PropertySection title="Spark Properties" prefix="spark" rows={rows.spark} renderValue={propertyValue} />
      <PropertySection
        title="Resource Profiles"
        prefix="resourceProfiles"
        rows={rows.profiles}
        headers={PROFILE_HEADERS}
        renderValue={profileContents}
        nameClassName="w-44"
      />
      <PropertySection title="Hadoop Properties" prefix="hadoop" rows={rows.hadoop} renderValue={propertyValue} defaultOpen={false} />
      <PropertySection title="System Properties" prefix="system" rows={rows.system} renderValue={propertyValue} defaultOpen={false} />
      <PropertySection title="Metrics Properties" prefix="metrics" rows={rows.metrics} renderValue={propertyValue} defaultOpen={false} />
      <PropertySection title="Classpath Entries" prefix="classpath" rows={rows.classpath} headers={CLASSPATH_HEADERS} defaultOpen={false} />
    </>
  );
}

/** Spark's Environment tab: runtime, properties (redaction marked), resource profiles and classpath. */
export default function EnvironmentPage() {
  const app = useAppRef();
  const env = useEnvironment(app);
  return (
    <div data-testid="environment-page">
      <h2 className="sr-only">Environment</h2>
      <QueryView query={env} loadingLabel="Loading environment…">
        {(data) => <Sections env={data} />}
      </QueryView>
    </div>
  );
}
