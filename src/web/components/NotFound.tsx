import { Link } from 'react-router';

export function NotFound({ what = 'This page' }: { what?: string }) {
  return (
    <div className="py-10 text-center" data-testid="not-found">
      <h1 className="text-xl font-semibold">{what} does not exist</h1>
      <p className="mt-2 text-sm">
        <Link to="/" className="link">
          Back to the application list
        </Link>
      </p>
    </div>
  );
}
