import { PagePlaceholder } from '../../components/PagePlaceholder.js';

export default function JobDetailPage() {
  return <PagePlaceholder title="Job Details" />;
}
