// What each Terraform resource type is at run time: a service (with its kind and whether it runs
// in a zone), placement folded into services (and which attributes name subnets), routing that
// ties load balancers to backends, or deploy-order only. AWS, Google Cloud and Azure types; a
// type of those providers that is not listed is skipped and reported, never guessed.

import type { IacRole } from '../iac/iac-model.js';

export interface TfType {
  role: IacRole;
  kind?: string;
  scope?: 'zonal' | 'regional' | 'global';
  /** Attribute paths holding subnet ids (`*` steps over a list). */
  subnets?: string[][];
  /** Spread over its subnets' zones (instances or nodes). */
  spread?: boolean;
}

const service = (
  kind: string,
  scope: TfType['scope'] = 'regional',
  extra: Partial<TfType> = {},
): TfType => ({ role: 'service', kind, scope, ...extra });

const SPREAD = { spread: true } as const;

const TYPES: Record<string, TfType> = {
  // AWS compute
  aws_instance: service('compute', 'zonal', { subnets: [['subnet_id']] }),
  aws_autoscaling_group: service('compute', 'zonal', {
    subnets: [['vpc_zone_identifier']],
    ...SPREAD,
  }),
  aws_eks_cluster: service('container-cluster'),
  aws_eks_node_group: service('compute', 'zonal', { subnets: [['subnet_ids']], ...SPREAD }),
  aws_ecs_cluster: service('container-cluster'),
  aws_ecs_service: service('compute', 'regional', {
    subnets: [['network_configuration', '*', 'subnets']],
    ...SPREAD,
  }),
  aws_lambda_function: service('function', 'regional', {
    subnets: [['vpc_config', '*', 'subnet_ids']],
    ...SPREAD,
  }),
  aws_ecr_repository: service('registry'),
  aws_api_gateway_rest_api: service('api-gateway'),
  aws_apigatewayv2_api: service('api-gateway'),
  // AWS load balancing and networking
  aws_lb: service('load-balancer', 'zonal', {
    subnets: [['subnets'], ['subnet_mapping', '*', 'subnet_id']],
    ...SPREAD,
  }),
  aws_alb: service('load-balancer', 'zonal', {
    subnets: [['subnets'], ['subnet_mapping', '*', 'subnet_id']],
    ...SPREAD,
  }),
  aws_elb: service('load-balancer', 'zonal', { subnets: [['subnets']], ...SPREAD }),
  aws_nat_gateway: service('nat-gateway', 'zonal', { subnets: [['subnet_id']] }),
  aws_lb_listener: { role: 'routing' },
  aws_alb_listener: { role: 'routing' },
  aws_lb_listener_rule: { role: 'routing' },
  aws_alb_listener_rule: { role: 'routing' },
  aws_lb_target_group: { role: 'routing' },
  aws_alb_target_group: { role: 'routing' },
  aws_lb_target_group_attachment: { role: 'routing' },
  aws_alb_target_group_attachment: { role: 'routing' },
  aws_autoscaling_attachment: { role: 'routing' },
  aws_elb_attachment: { role: 'routing' },
  aws_subnet: { role: 'subnet' },
  aws_default_subnet: { role: 'subnet' },
  aws_route_table: { role: 'route-table' },
  aws_default_route_table: { role: 'route-table' },
  aws_route: { role: 'route' },
  aws_route_table_association: { role: 'route' },
  aws_route53_zone: service('dns', 'global'),
  aws_route53_record: service('dns', 'global'),
  aws_cloudfront_distribution: service('cdn', 'global'),
  // AWS data
  aws_db_instance: service('database', 'zonal'),
  aws_rds_cluster: service('database'),
  aws_rds_cluster_instance: { role: 'member', kind: 'database', scope: 'zonal' },
  aws_neptune_cluster: service('database'),
  aws_neptune_cluster_instance: { role: 'member', kind: 'database', scope: 'zonal' },
  aws_docdb_cluster: service('database'),
  aws_docdb_cluster_instance: { role: 'member', kind: 'database', scope: 'zonal' },
  aws_redshift_cluster: service('database', 'zonal'),
  aws_dynamodb_table: service('database'),
  aws_dynamodb_global_table: service('database'),
  aws_elasticache_cluster: service('cache', 'zonal'),
  aws_elasticache_replication_group: service('cache', 'zonal'),
  aws_elasticsearch_domain: service('search', 'zonal', {
    subnets: [['vpc_options', '*', 'subnet_ids']],
  }),
  aws_opensearch_domain: service('search', 'zonal', {
    subnets: [['vpc_options', '*', 'subnet_ids']],
  }),
  aws_s3_bucket: service('bucket'),
  aws_efs_file_system: service('file-system'),
  aws_efs_mount_target: {
    role: 'member',
    kind: 'file-system',
    scope: 'zonal',
    subnets: [['subnet_id']],
  },
  aws_ebs_volume: service('volume', 'zonal'),
  aws_sqs_queue: service('queue'),
  aws_sns_topic: service('topic'),
  aws_kinesis_stream: service('stream'),
  aws_mq_broker: service('queue', 'zonal', { subnets: [['subnet_ids']] }),
  // Google Cloud
  google_compute_instance: service('compute', 'zonal'),
  google_compute_disk: service('volume', 'zonal'),
  google_compute_instance_group_manager: service('compute', 'zonal'),
  google_compute_region_instance_group_manager: service('compute', 'zonal', SPREAD),
  google_container_cluster: service('container-cluster'),
  google_container_node_pool: service('compute', 'zonal', SPREAD),
  google_sql_database_instance: service('database', 'zonal'),
  google_redis_instance: service('cache', 'zonal'),
  google_storage_bucket: service('bucket'),
  google_pubsub_topic: service('topic', 'global'),
  google_pubsub_subscription: service('queue', 'global'),
  google_cloud_run_service: service('compute'),
  google_cloud_run_v2_service: service('compute'),
  google_cloudfunctions_function: service('function'),
  google_cloudfunctions2_function: service('function'),
  google_spanner_instance: service('database'),
  google_bigquery_dataset: service('database'),
  google_compute_forwarding_rule: service('load-balancer'),
  google_compute_global_forwarding_rule: service('load-balancer', 'global'),
  google_compute_backend_service: { role: 'routing' },
  google_compute_region_backend_service: { role: 'routing' },
  google_compute_url_map: { role: 'routing' },
  google_compute_target_http_proxy: { role: 'routing' },
  google_compute_target_https_proxy: { role: 'routing' },
  google_compute_subnetwork: { role: 'placement' },
  google_dns_managed_zone: service('dns', 'global'),
  google_dns_record_set: service('dns', 'global'),
  // Azure
  azurerm_linux_virtual_machine: service('compute', 'zonal'),
  azurerm_windows_virtual_machine: service('compute', 'zonal'),
  azurerm_virtual_machine: service('compute', 'zonal'),
  azurerm_linux_virtual_machine_scale_set: service('compute', 'zonal', SPREAD),
  azurerm_windows_virtual_machine_scale_set: service('compute', 'zonal', SPREAD),
  azurerm_kubernetes_cluster: service('container-cluster'),
  azurerm_firewall: service('firewall', 'zonal'),
  azurerm_lb: service('load-balancer'),
  azurerm_application_gateway: service('load-balancer', 'zonal'),
  azurerm_nat_gateway: service('nat-gateway', 'zonal'),
  azurerm_virtual_wan: service('network'),
  azurerm_virtual_hub: service('network'),
  azurerm_storage_account: service('bucket'),
  azurerm_mssql_server: service('database'),
  azurerm_mssql_database: service('database'),
  azurerm_postgresql_flexible_server: service('database', 'zonal'),
  azurerm_mysql_flexible_server: service('database', 'zonal'),
  azurerm_cosmosdb_account: service('database'),
  azurerm_redis_cache: service('cache'),
  azurerm_servicebus_namespace: service('queue'),
  azurerm_linux_web_app: service('compute'),
  azurerm_windows_web_app: service('compute'),
  azurerm_function_app: service('function'),
  azurerm_linux_function_app: service('function'),
  azurerm_dns_zone: service('dns', 'global'),
  azurerm_frontdoor: service('cdn', 'global'),
  azurerm_cdn_frontdoor_profile: service('cdn', 'global'),
};

/** Placement folded into services, by type prefix (checked after TYPES). */
const PLACEMENT_PREFIXES = [
  'aws_vpc',
  'aws_default_vpc',
  'aws_security_group',
  'aws_default_security_group',
  'aws_network_acl',
  'aws_default_network_acl',
  'aws_internet_gateway',
  'aws_egress_only_internet_gateway',
  'aws_eip',
  'aws_network_interface',
  'aws_launch_configuration',
  'aws_launch_template',
  'aws_placement_group',
  'aws_key_pair',
  'aws_db_subnet_group',
  'aws_db_parameter_group',
  'aws_db_option_group',
  'aws_rds_cluster_parameter_group',
  'aws_neptune_subnet_group',
  'aws_neptune_parameter_group',
  'aws_neptune_cluster_parameter_group',
  'aws_elasticache_subnet_group',
  'aws_elasticache_parameter_group',
  'aws_ecs_task_definition',
  'aws_ecs_capacity_provider',
  'aws_ecs_cluster_capacity_providers',
  'aws_s3_bucket_',
  'aws_api_gateway_',
  'aws_apigatewayv2_',
  'aws_volume_attachment',
  'aws_autoscaling_policy',
  'aws_autoscaling_schedule',
  'aws_autoscaling_lifecycle_hook',
  'aws_appautoscaling_',
  'aws_lb_listener_certificate',
  'aws_acm_certificate',
  'aws_ami',
  'aws_availability_zones',
  'aws_subnet_ids',
  'aws_subnets',
  'aws_eks_addon',
  'aws_efs_',
  'aws_elasticsearch_domain_policy',
  'aws_opensearch_domain_policy',
  'aws_dynamodb_table_item',
  'aws_sqs_queue_policy',
  'aws_sns_topic_policy',
  'google_compute_network',
  'google_compute_firewall',
  'google_compute_global_address',
  'google_compute_address',
  'google_compute_router',
  'google_compute_health_check',
  'google_compute_instance_template',
  'google_service_networking_connection',
  'google_sql_database',
  'google_sql_user',
  'google_storage_bucket_',
  'azurerm_resource_group',
  'azurerm_virtual_network',
  'azurerm_subnet',
  'azurerm_network_interface',
  'azurerm_network_security',
  'azurerm_public_ip',
  'azurerm_availability_set',
  'azurerm_firewall_policy',
  'azurerm_managed_disk',
  'azurerm_virtual_machine_data_disk_attachment',
];

/** Deploy-order only: identities, keys, logs, alarms, generated values. */
const CONTROL_PREFIXES = [
  'aws_iam_',
  'aws_kms_',
  'aws_cloudwatch_',
  'aws_flow_log',
  'aws_cloudtrail',
  'aws_config_',
  'aws_ssm_',
  'aws_secretsmanager_',
  'aws_lambda_permission',
  'aws_lambda_event_source_mapping',
  'aws_lambda_layer_version',
  'aws_sns_topic_subscription',
  'aws_route53_health_check',
  'aws_caller_identity',
  'aws_region',
  'aws_partition',
  'aws_ecr_lifecycle_policy',
  'aws_ebs_snapshot',
  'aws_db_snapshot',
  'aws_db_cluster_snapshot',
  'aws_neptune_cluster_snapshot',
  'aws_backup_',
  'aws_ecr_repository_policy',
  'google_project',
  'google_folder',
  'google_organization',
  'google_service_account',
  'google_client_config',
  'google_logging_',
  'google_monitoring_',
  'google_kms_',
  'azurerm_role_',
  'azurerm_user_assigned_identity',
  'azurerm_key_vault',
  'azurerm_monitor_',
  'azurerm_log_analytics_',
  'azurerm_client_config',
  'random_',
  'null_',
  'time_',
  'tls_',
  'local_',
  'template_',
  'terraform_',
  'external',
  'archive_',
  'http',
  'cloudinit_',
];

/** The type's entry; IAM bindings of any provider are deploy-order. */
export function tfType(type: string, mode: 'managed' | 'data'): TfType {
  if (type.includes('_iam_')) return { role: 'control' };
  const known = TYPES[type];
  if (mode === 'data') {
    if (known?.role === 'subnet') return known;
    if (CONTROL_PREFIXES.some((prefix) => type.startsWith(prefix))) return { role: 'control' };
    return { role: 'placement' };
  }
  if (known) return known;
  if (PLACEMENT_PREFIXES.some((prefix) => type.startsWith(prefix))) return { role: 'placement' };
  if (CONTROL_PREFIXES.some((prefix) => type.startsWith(prefix))) return { role: 'control' };
  return { role: 'skip' };
}

/** The cloud of a type: `aws`, `gcp`, `azure`, or undefined for the utility providers. */
export function cloudOf(type: string): string | undefined {
  if (type.startsWith('aws_')) return 'aws';
  if (type.startsWith('google_')) return 'gcp';
  if (type.startsWith('azurerm_')) return 'azure';
  return undefined;
}
