import { PagePlaceholder } from '../../components/PagePlaceholder.js';

export default function StagesPage() {
  return <PagePlaceholder title="Stages for All Jobs" />;
}
