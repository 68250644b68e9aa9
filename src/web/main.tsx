import { createRoot } from 'react-dom/client';
import './styles.css';

function App() {
  return <main className="p-6 font-sans">Spark Console</main>;
}

createRoot(document.getElementById('root')!).render(<App />);
