{{- define "arc.labels" -}}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: azure-arc
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}
{{- define "arc.required" -}}
{{- required (printf "The value global.%s is required by the Azure Arc agents chart." .name) .value -}}
{{- end -}}
