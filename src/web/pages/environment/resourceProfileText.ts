import type { ResourceProfileInfo } from '../../../api/index.js';

/** Scala prints a Double with a decimal point ("1.0"); task amounts are Doubles, executor amounts Longs. */
function scalaDouble(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/**
 * The "Resource Profile Contents" text of Spark's Environment page (EnvironmentPage.scala), one request per line:
 * "Executor Reqs:\n\tcores: [amount: 1]\n\tgpu: [amount: 1, discovery: ./getGpus]\nTask Reqs:\n\tcpus: [amount: 1.0]".
 */
export function resourceProfileText(profile: ResourceProfileInfo): string {
  const executor = Object.values(profile.executorResources).map((r) => {
    let text = `\t${r.resourceName}: [amount: ${r.amount}`;
    if (r.discoveryScript !== '') text += `, discovery: ${r.discoveryScript}`;
    if (r.vendor !== '') text += `, vendor: ${r.vendor}`;
    return `${text}]`;
  });
  const task = Object.values(profile.taskResources).map((r) => `\t${r.resourceName}: [amount: ${scalaDouble(r.amount)}]`);
  return `Executor Reqs:\n${executor.join('\n')}\nTask Reqs:\n${task.join('\n')}`;
}
