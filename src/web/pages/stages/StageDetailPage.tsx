import { PagePlaceholder } from '../../components/PagePlaceholder.js';

export default function StageDetailPage() {
  return <PagePlaceholder title="Stage Details" />;
}
