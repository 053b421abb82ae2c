// What each CloudFormation resource type is at run time, in the same roles as the Terraform
// table: services (kind, zonal or regional or global, which properties name subnets, whether it
// spreads over them), placement folded into services, routing, and deploy-order only. SAM's
// serverless types import as one service each. Unlisted types are skipped and reported.

import { service, type ResourceType } from '../iac/resource-type.js';

const TYPES: Record<string, ResourceType> = {
  'AWS::EC2::Instance': service('compute', 'zonal', { subnets: [['SubnetId']] }),
  'AWS::AutoScaling::AutoScalingGroup': service('compute', 'zonal', {
    subnets: [['VPCZoneIdentifier']],
    spread: true,
  }),
  'AWS::ECS::Cluster': service('container-cluster'),
  'AWS::ECS::Service': service('compute', 'regional', {
    subnets: [['NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets']],
    spread: true,
  }),
  'AWS::EKS::Cluster': service('container-cluster'),
  'AWS::EKS::Nodegroup': service('compute', 'zonal', { subnets: [['Subnets']], spread: true }),
  'AWS::Lambda::Function': service('function', 'regional', {
    subnets: [['VpcConfig', 'SubnetIds']],
    spread: true,
  }),
  'AWS::Serverless::Function': service('function', 'regional', {
    subnets: [['VpcConfig', 'SubnetIds']],
    spread: true,
  }),
  'AWS::Serverless::Api': service('api-gateway'),
  'AWS::Serverless::HttpApi': service('api-gateway'),
  'AWS::Serverless::SimpleTable': service('database'),
  'AWS::ApiGateway::RestApi': service('api-gateway'),
  'AWS::ApiGatewayV2::Api': service('api-gateway'),
  'AWS::Cognito::UserPool': service('identity'),
  'AWS::DMS::ReplicationInstance': service('compute', 'zonal'),
  'AWS::ElasticLoadBalancingV2::LoadBalancer': service('load-balancer', 'zonal', {
    subnets: [['Subnets'], ['SubnetMappings', '*', 'SubnetId']],
    spread: true,
  }),
  'AWS::ElasticLoadBalancing::LoadBalancer': service('load-balancer', 'zonal', {
    subnets: [['Subnets']],
    spread: true,
  }),
  'AWS::ElasticLoadBalancingV2::Listener': { role: 'routing' },
  'AWS::ElasticLoadBalancingV2::ListenerRule': { role: 'routing' },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { role: 'routing' },
  'AWS::EC2::NatGateway': service('nat-gateway', 'zonal', { subnets: [['SubnetId']] }),
  'AWS::EC2::Subnet': { role: 'subnet' },
  'AWS::EC2::RouteTable': { role: 'route-table' },
  'AWS::EC2::Route': { role: 'route' },
  'AWS::EC2::SubnetRouteTableAssociation': { role: 'route' },
  'AWS::Route53::HostedZone': service('dns', 'global'),
  'AWS::Route53::RecordSet': service('dns', 'global'),
  'AWS::Route53::RecordSetGroup': service('dns', 'global'),
  'AWS::CloudFront::Distribution': service('cdn', 'global'),
  'AWS::RDS::DBInstance': service('database', 'zonal'),
  'AWS::RDS::DBCluster': service('database'),
  'AWS::Neptune::DBCluster': service('database'),
  'AWS::Neptune::DBInstance': service('database', 'zonal'),
  'AWS::DocDB::DBCluster': service('database'),
  'AWS::DocDB::DBInstance': service('database', 'zonal'),
  'AWS::DynamoDB::Table': service('database'),
  'AWS::DynamoDB::GlobalTable': service('database'),
  'AWS::ElastiCache::CacheCluster': service('cache', 'zonal'),
  'AWS::ElastiCache::ReplicationGroup': service('cache', 'zonal'),
  'AWS::OpenSearchService::Domain': service('search', 'zonal'),
  'AWS::Elasticsearch::Domain': service('search', 'zonal'),
  'AWS::S3::Bucket': service('bucket'),
  'AWS::EFS::FileSystem': service('file-system'),
  'AWS::EFS::MountTarget': {
    role: 'member',
    kind: 'file-system',
    scope: 'zonal',
    subnets: [['SubnetId']],
  },
  'AWS::SQS::Queue': service('queue'),
  'AWS::SNS::Topic': service('topic'),
  'AWS::Kinesis::Stream': service('stream'),
  'AWS::ECR::Repository': service('registry'),
  'AWS::StepFunctions::StateMachine': service('workflow'),
};

const PLACEMENT_PREFIXES = [
  'AWS::EC2::',
  'AWS::AutoScaling::LaunchConfiguration',
  'AWS::ElasticLoadBalancingV2::ListenerCertificate',
  'AWS::RDS::DBSubnetGroup',
  'AWS::RDS::DBParameterGroup',
  'AWS::RDS::DBClusterParameterGroup',
  'AWS::RDS::OptionGroup',
  'AWS::Neptune::DBSubnetGroup',
  'AWS::Neptune::DBParameterGroup',
  'AWS::Neptune::DBClusterParameterGroup',
  'AWS::ElastiCache::SubnetGroup',
  'AWS::ElastiCache::ParameterGroup',
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::CapacityProvider',
  'AWS::S3::BucketPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::ApiGateway::',
  'AWS::ApiGatewayV2::',
  'AWS::CloudFront::',
  'AWS::WAFv2::',
  'AWS::Cognito::',
  'AWS::DMS::',
  'AWS::CertificateManager::',
  'AWS::CloudFormation::Stack',
];

const CONTROL_PREFIXES = [
  'AWS::IAM::',
  'AWS::Logs::',
  'AWS::CloudWatch::',
  'AWS::KMS::',
  'AWS::SSM::',
  'AWS::SecretsManager::',
  'AWS::ApplicationAutoScaling::',
  'AWS::AutoScaling::ScalingPolicy',
  'AWS::AutoScaling::LifecycleHook',
  'AWS::AutoScaling::ScheduledAction',
  'AWS::Events::',
  'AWS::Lambda::Permission',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::Version',
  'AWS::Lambda::Alias',
  'AWS::Lambda::LayerVersion',
  'AWS::SNS::Subscription',
  'AWS::Route53::HealthCheck',
  'AWS::CloudFormation::',
  'AWS::CloudTrail::',
  'Custom::',
];

export function cfnType(type: string): ResourceType {
  const known = TYPES[type];
  if (known) return known;
  if (PLACEMENT_PREFIXES.some((prefix) => type.startsWith(prefix))) return { role: 'placement' };
  if (CONTROL_PREFIXES.some((prefix) => type.startsWith(prefix))) return { role: 'control' };
  return { role: 'skip' };
}
