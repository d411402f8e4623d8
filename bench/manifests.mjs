// Realistic multi-document streams for the benchmarks: a Deployment, its Service and its
// ConfigMap, again and again, each trio with its own names. About 590 bytes a
// document, so 5,000 documents are 2.9 MB, the size issue 14 names.

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-${i}
  namespace: shop
  labels:
    app: shop-${i}
    team: storefront
  annotations:
    owner: storefront@example.com
spec:
  replicas: 3
  selector:
    matchLabels:
      app: shop-${i}
  template:
    metadata:
      labels:
        app: shop-${i}
        team: storefront
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          env:
            - name: PORT
              value: "80"
            - name: REGION
              value: eu-west-1
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
          envFrom:
            - configMapRef:
                name: shop-${i}-config
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 256Mi`;
}

function service(i) {
  return `apiVersion: v1
kind: Service
metadata:
  name: shop-${i}
  namespace: shop
  labels:
    app: shop-${i}
  annotations:
    prometheus.io/scrape: "true"
spec:
  selector:
    app: shop-${i}
  ports:
    - name: http
      port: 80
      targetPort: http`;
}

function configMap(i) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-${i}-config
  namespace: shop
  labels:
    app: shop-${i}
data:
  LOG_LEVEL: info
  CACHE_TTL: 30s
  UPSTREAM_URL: http://catalog.shop.svc.cluster.local:8080
  FEATURE_FLAGS: checkout-v2,recommendations
  PAYMENT_TIMEOUT: 5s
  nginx.conf: |
    server {
      listen 80;
      location /healthz { return 200 'ok'; }
      location / { proxy_pass http://127.0.0.1:8080; proxy_read_timeout 30s; }
    }`;
}

const MAKERS = [deployment, service, configMap];

/** `count` documents joined as one YAML stream, and each document's kind, in order. */
export function manifestStream(count) {
  const documents = [];
  const kinds = [];
  for (let i = 0; i < count; i++) {
    const make = MAKERS[i % MAKERS.length];
    documents.push(make(Math.floor(i / MAKERS.length)));
    kinds.push(['Deployment', 'Service', 'ConfigMap'][i % MAKERS.length]);
  }
  return { text: documents.join('\n---\n') + '\n', kinds };
}

/**
 * Where the requests go: the Deployment nearest the middle of the stream, as line numbers of
 * the file (0-based). `replicas` is a field key (the `kubectl explain` hover), `image` a value
 * with its own explainer, `team` a label key (the hover that counts series across the workspace).
 */
export function middleDeployment(text, kinds) {
  const starts = [0];
  const lines = text.split('\n');
  lines.forEach((line, index) => line === '---' && starts.push(index + 1));
  let docIndex = Math.floor(kinds.length / 2);
  while (kinds[docIndex] !== 'Deployment') docIndex--;
  const first = starts[docIndex];
  const last = (starts[docIndex + 1] ?? lines.length + 1) - 2;
  const lineOf = (pattern) => {
    for (let line = first; line <= last; line++) if (pattern.test(lines[line])) return line;
    throw new Error(`no ${pattern} in document ${docIndex}`);
  };
  const nameLine = lineOf(/^ {2}name: /);
  return {
    docIndex,
    first,
    last,
    nameLine,
    nameEnd: lines[nameLine].length,
    replicas: { line: lineOf(/^ {2}replicas:/), character: 3 },
    image: { line: lineOf(/^ +image: /), character: lines[lineOf(/^ +image: /)].indexOf('nginx') + 2 },
    label: { line: lineOf(/^ {8}team:/), character: 9 },
    // Completion at the start of a key of the Deployment's spec: the other keys of a DeploymentSpec.
    completion: { line: lineOf(/^ {2}replicas:/), character: 2 },
  };
}
