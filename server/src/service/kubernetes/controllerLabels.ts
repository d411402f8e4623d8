/**
 * Labels Kubernetes controllers write on the objects they create, and what each one
 * says: written by hand they either get overwritten or pin a selector to one revision.
 */
export const CONTROLLER_LABELS: ReadonlyMap<string, string> = new Map([
  ['pod-template-hash', "the Deployment controller's hash of the pod template, set on each ReplicaSet and its pods"],
  ['controller-revision-hash', "the StatefulSet or DaemonSet controller's revision of the pod template, set on each pod"],
  ['statefulset.kubernetes.io/pod-name', "the StatefulSet controller sets it on each pod to that pod's own name"],
  ['apps.kubernetes.io/pod-index', "the StatefulSet controller sets it on each pod to that pod's ordinal"],
  ['controller-uid', "the Job controller sets it to the Job's uid"],
  ['batch.kubernetes.io/controller-uid', "the Job controller sets it to the Job's uid"],
  ['job-name', "the Job controller sets it to the Job's name"],
  ['batch.kubernetes.io/job-name', "the Job controller sets it to the Job's name"],
  ['batch.kubernetes.io/job-completion-index', 'the Job controller sets it on each pod of an indexed Job'],
]);
