import { PagePlaceholder } from '../../components/PagePlaceholder.js';

// Placeholder: replace this file with the real page (see pages/README.md for the hooks and components to use).
export default function SqlExecutionPage() {
  return <PagePlaceholder title="SQL Query Details" />;
}
