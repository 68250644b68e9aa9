import { PagePlaceholder } from '../../components/PagePlaceholder.js';

export default function AppsListPage() {
  return <PagePlaceholder title="Applications" />;
}
