import { PagePlaceholder } from '../../components/PagePlaceholder.js';

export default function JobsPage() {
  return <PagePlaceholder title="Spark Jobs" />;
}
