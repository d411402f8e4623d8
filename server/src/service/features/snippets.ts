/**
 * Snippets for a new Deployment and Service, a probe and a resources block, in VS Code's
 * snippet syntax. Their placeholders follow the lessons: probes with timings that make
 * sense (a timeout below the period, a liveness probe that is not the readiness probe),
 * and CPU and memory requests with a memory limit but no CPU limit.
 */

export interface Snippet {
  label: string;
  detail: string;
  /** Where it is offered: an empty document, or a container's fields. */
  where: 'document' | 'container';
  body: string;
}

export const SNIPPETS: readonly Snippet[] = [
  {
    label: 'Deployment',
    detail: 'A Deployment with probes and resources',
    where: 'document',
    body: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: \${1:app}
  labels:
    app: \${1:app}
spec:
  replicas: \${2:2}
  selector:
    matchLabels:
      app: \${1:app}
  template:
    metadata:
      labels:
        app: \${1:app}
    spec:
      containers:
        - name: \${1:app}
          image: \${3:registry.example.com/app:1.0.0}
          ports:
            - name: http
              containerPort: \${4:8080}
          readinessProbe:
            httpGet:
              path: \${5:/readyz}
              port: http
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: \${6:/livez}
              port: http
            periodSeconds: 20
            timeoutSeconds: 2
            failureThreshold: 3
          resources:
            requests:
              cpu: \${7:250m}
              memory: \${8:256Mi}
            limits:
              memory: \${8:256Mi}
`,
  },
  {
    label: 'Service',
    detail: 'A ClusterIP Service for the pods of an app',
    where: 'document',
    body: `apiVersion: v1
kind: Service
metadata:
  name: \${1:app}
spec:
  type: ClusterIP
  selector:
    app: \${1:app}
  ports:
    - name: http
      port: \${2:80}
      targetPort: http
`,
  },
  {
    label: 'readinessProbe',
    detail: 'An HTTP readiness probe (timeout below the period)',
    where: 'container',
    body: `readinessProbe:
  httpGet:
    path: \${1:/readyz}
    port: \${2:http}
  periodSeconds: 10
  timeoutSeconds: 2
  failureThreshold: 3
`,
  },
  {
    label: 'livenessProbe',
    detail: 'An HTTP liveness probe, on its own endpoint',
    where: 'container',
    body: `livenessProbe:
  httpGet:
    path: \${1:/livez}
    port: \${2:http}
  periodSeconds: 20
  timeoutSeconds: 2
  failureThreshold: 3
`,
  },
  {
    label: 'resources',
    detail: 'CPU and memory requests, and a memory limit',
    where: 'container',
    body: `resources:
  requests:
    cpu: \${1:250m}
    memory: \${2:256Mi}
  limits:
    memory: \${2:256Mi}
`,
  },
];

/** The snippet with every placeholder at its default: what a user gets by pressing Tab through it. */
export function expandSnippet(body: string): string {
  return body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}
