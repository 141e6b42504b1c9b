package main

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// simProvider answers the engine as azure-native or databricks would, against the simulated cloud in Store.
type simProvider struct {
	pulumirpc.UnimplementedResourceProviderServer
	pkg      string
	version  string
	store    *Store
	inflight *inflight
	config   map[string]interface{}
}

var opts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true, SkipNulls: true}

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) {
	if s == nil {
		return resource.PropertyMap{}, nil
	}
	return plugin.UnmarshalProperties(s, opts)
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) { return plugin.MarshalProperties(m, opts) }

// plain converts to JSON-like values, unwrapping secrets; unknown reports whether any value was unknown.
func plain(v resource.PropertyValue, unknown *bool) interface{} {
	switch {
	case v.IsComputed() || (v.IsOutput() && !v.OutputValue().Known):
		*unknown = true
		return nil
	case v.IsOutput():
		return plain(v.OutputValue().Element, unknown)
	case v.IsSecret():
		return plain(v.SecretValue().Element, unknown)
	case v.IsObject():
		out := map[string]interface{}{}
		for k, e := range v.ObjectValue() {
			if e.IsNull() {
				continue
			}
			out[string(k)] = plain(e, unknown)
		}
		return out
	case v.IsArray():
		out := []interface{}{}
		for _, e := range v.ArrayValue() {
			out = append(out, plain(e, unknown))
		}
		return out
	case v.IsResourceReference():
		ref := v.ResourceReferenceValue()
		return string(ref.URN)
	default:
		return v.Mappable()
	}
}

func plainMap(m resource.PropertyMap) (map[string]interface{}, bool) {
	unknown := false
	out := plain(resource.NewObjectProperty(m), &unknown).(map[string]interface{})
	return out, unknown
}

func secretKeys(m resource.PropertyMap) []string {
	var out []string
	for k, v := range m {
		if v.ContainsSecrets() {
			out = append(out, string(k))
		}
	}
	sort.Strings(out)
	return out
}

// withSecrets re-marks the given top-level keys secret.
func withSecrets(m resource.PropertyMap, keys []string) resource.PropertyMap {
	for _, k := range keys {
		if v, ok := m[resource.PropertyKey(k)]; ok && !v.IsSecret() {
			m[resource.PropertyKey(k)] = resource.MakeSecret(v)
		}
	}
	return m
}

func urnName(urn string) string { return urn[strings.LastIndex(urn, "::")+2:] }

// urnStack is the stack of a URN (urn:pulumi:<stack>::...).
func urnStack(urn string) string {
	rest := strings.TrimPrefix(urn, "urn:pulumi:")
	return rest[:strings.Index(rest, "::")]
}

// storeKey: Azure ids are global; Databricks object ids are only unique within a workspace or account.
func (p *simProvider) storeKey(id string) string {
	if p.pkg == "databricks" {
		return p.instance() + "|" + id
	}
	return id
}

func (p *simProvider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: p.version}, nil
}

func (p *simProvider) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{Schema: fmt.Sprintf(`{"name":%q,"version":%q}`, p.pkg, p.version)}, nil
}

func (p *simProvider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *simProvider) DiffConfig(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return p.diff(req, nil)
}

func (p *simProvider) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	args, err := unmarshal(req.GetArgs())
	if err != nil {
		return nil, err
	}
	p.config, _ = plainMap(args)
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true, AcceptResources: true}, nil
}

func (p *simProvider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (p *simProvider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	if p.pkg == "azure-native" {
		if _, ok := armIds.Templates[req.GetType()]; !ok {
			return &pulumirpc.CheckResponse{Failures: []*pulumirpc.CheckFailure{{
				Reason: "the simulated Azure does not know resource type " + req.GetType()}}}, nil
		}
	}
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *simProvider) replaceKeys(token string) []string {
	if p.pkg == "azure-native" {
		return idInputs(token)
	}
	return databricksReplaceKeys(token)
}

func (p *simProvider) diff(req *pulumirpc.DiffRequest, replaceKeys []string) (*pulumirpc.DiffResponse, error) {
	// ignoreChanges paths are applied by the engine to the new inputs before Diff; a top-level key listed here
	// is skipped entirely, a nested path only where the engine already copied the old value.
	olds, err := unmarshal(req.GetOldInputs())
	if err != nil {
		return nil, err
	}
	if len(olds) == 0 {
		if olds, err = unmarshal(req.GetOlds()); err != nil {
			return nil, err
		}
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	ignored := map[string]bool{}
	for _, k := range req.GetIgnoreChanges() {
		ignored[strings.SplitN(k, ".", 2)[0]] = true
	}
	keys := map[resource.PropertyKey]bool{}
	for k := range olds {
		keys[k] = true
	}
	for k := range news {
		keys[k] = true
	}
	resp := &pulumirpc.DiffResponse{DetailedDiff: map[string]*pulumirpc.PropertyDiff{}, HasDetailedDiff: true}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, string(k))
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if ignored[k] {
			continue
		}
		o, n := olds[resource.PropertyKey(k)], news[resource.PropertyKey(k)]
		if o.IsNull() && n.IsNull() {
			continue
		}
		if !n.ContainsUnknowns() && o.DeepEquals(n) {
			continue
		}
		replace := false
		for _, r := range replaceKeys {
			if r == k {
				replace = true
			}
		}
		kind := pulumirpc.PropertyDiff_UPDATE
		switch {
		case o.IsNull():
			kind = pulumirpc.PropertyDiff_ADD
		case n.IsNull():
			kind = pulumirpc.PropertyDiff_DELETE
		}
		if replace {
			kind++ // the *_REPLACE variant follows each kind
			resp.Replaces = append(resp.Replaces, k)
		}
		resp.Diffs = append(resp.Diffs, k)
		resp.DetailedDiff[k] = &pulumirpc.PropertyDiff{Kind: kind, InputDiff: true}
	}
	// Azure names are explicit, so the replacement cannot exist beside the old resource: azure-native
	// deletes first.
	resp.DeleteBeforeReplace = len(resp.Replaces) > 0 && p.pkg == "azure-native"
	if len(resp.Diffs) > 0 {
		resp.Changes = pulumirpc.DiffResponse_DIFF_SOME
	} else {
		resp.Changes = pulumirpc.DiffResponse_DIFF_NONE
	}
	return resp, nil
}

func (p *simProvider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return p.diff(req, p.replaceKeys(req.GetType()))
}

// delay: Azure and Databricks take time; small random delays let the engine's parallelism expose races.
func delay() {
	time.Sleep(time.Duration(40+rand.Intn(160)) * time.Millisecond)
}

// identity computes the id a write would produce, before anything is stored.
func (p *simProvider) identity(c *Cloud, token, urn string, in map[string]interface{}) (string, error) {
	if p.pkg == "azure-native" {
		return armID(token, in)
	}
	return databricksID(urnStack(urn), token, urnName(urn), in)
}

func (p *simProvider) write(req interface {
	GetUrn() string
	GetType() string
	GetPreview() bool
}, news resource.PropertyMap, oldID string, olds resource.PropertyMap) (string, resource.PropertyMap, error) {
	token := req.GetType()
	in, unknown := plainMap(news)
	outputs := news.Copy()
	if req.GetPreview() {
		// During preview the cloud assigns nothing yet: what it would compute stays unknown.
		// As azure-native does: a new resource has no id yet, and what the cloud assigns (name, type and the
		// values below) is unknown; an update keeps what the cloud assigned at creation.
		var id string
		computedKeys := previewComputed(p.pkg, token)
		if p.pkg == "azure-native" {
			computedKeys["name"], computedKeys["type"] = true, true
		}
		_ = unknown
		for k := range computedKeys {
			if _, given := outputs[resource.PropertyKey(k)]; given {
				continue
			}
			// An update keeps what the cloud assigned at creation (a workspace keeps its URL, a public IP
			// its address); only a new resource's values are unknown.
			if old, kept := olds[resource.PropertyKey(k)]; kept {
				outputs[resource.PropertyKey(k)] = old
			} else {
				outputs[resource.PropertyKey(k)] = resource.MakeComputed(resource.NewStringProperty(""))
			}
		}
		for _, k := range dropOutputs(token) {
			delete(outputs, resource.PropertyKey(k))
		}
		// User-assigned identities are answered as a map of id to principal (see computed), and a system-assigned
		// identity's principal and tenant are the cloud's to assign: until it answers, the identity block is
		// unknown, or what the cloud answered at creation. azure-native's preview does the same: it maps the
		// inputs onto the output shape and leaves every nested property the inputs lack unknown
		// (provider/pkg/convert PreviewOutputs), and the Java SDK reads an object with an unknown member as unknown.
		if identity, ok := in["identity"].(map[string]interface{}); ok {
			_, isList := identity["userAssignedIdentities"].([]interface{})
			if isList || strings.Contains(fmt.Sprint(identity["type"]), "SystemAssigned") {
				if old, kept := olds["identity"]; kept {
					outputs["identity"] = old
				} else {
					outputs["identity"] = resource.MakeComputed(resource.NewStringProperty(""))
				}
			}
		}
		if oldID != "" {
			id = oldID
		}
		return id, outputs, nil
	}
	var id string
	var added map[string]interface{}
	var release func()
	err := p.store.Update(func(c *Cloud) error {
		var err error
		if id, err = p.identity(c, token, req.GetUrn(), in); err != nil {
			return err
		}
		var old *Record
		if oldID != "" {
			old = c.get(p.storeKey(oldID))
		} else if existing := c.get(id); existing != nil && p.pkg == "azure-native" {
			// ARM PUT on an existing id updates it; Pulumi's create refuses to adopt (azure-native checks).
			return fmt.Errorf("resource %s already exists; to import it into the stack use 'pulumi import'", id)
		}
		if parent, msg := serialisedParent(token, in, id); parent != "" {
			r, ok := p.inflight.acquire(parent, id)
			if !ok {
				return fmt.Errorf("%s", msg)
			}
			release = r
		}
		if p.pkg == "azure-native" {
			err = checkAzureWrite(c, token, id, in, old)
		} else {
			err = p.checkDatabricksWrite(c, token, id, in, old)
		}
		if err != nil {
			return err
		}
		if p.pkg == "azure-native" {
			added = computed(c, token, id, in)
			if token == "azure-native:network:AzureFirewall" {
				if err := checkFirewallRoutes(c, added); err != nil {
					return err
				}
			}
		} else {
			added = databricksComputed(urnStack(req.GetUrn()), token, urnName(req.GetUrn()), id, in)
		}
		return nil
	})
	if err != nil {
		if release != nil {
			release()
		}
		return "", nil, err
	}
	delay() // the operation runs while the parent is busy
	if release != nil {
		release()
	}
	for k, v := range added {
		outputs[resource.PropertyKey(k)] = resource.NewPropertyValue(v)
	}
	if p.pkg == "databricks" {
		for _, k := range databricksSecretOutputs(token) {
			if v, ok := outputs[resource.PropertyKey(k)]; ok && !v.IsSecret() {
				outputs[resource.PropertyKey(k)] = resource.MakeSecret(v)
			}
		}
	}
	for _, k := range dropOutputs(token) {
		delete(outputs, resource.PropertyKey(k))
	}
	outPlain, _ := plainMap(outputs)
	err = p.store.Update(func(c *Cloud) error {
		created := time.Now()
		if old := c.get(p.storeKey(id)); old != nil {
			created = old.Created
		}
		c.Resources[key(p.storeKey(id))] = &Record{ID: id, Token: token, Name: urnName(req.GetUrn()), Inputs: in,
			Outputs: outPlain, Secrets: secretKeys(outputs), Created: created, Provider: p.instance(),
			Account: p.account()}
		return nil
	})
	return id, outputs, err
}

func (p *simProvider) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	news, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	id, outputs, err := p.write(req, news, "", nil)
	if err != nil {
		return nil, err
	}
	props, err := marshal(outputs)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

func (p *simProvider) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	if p.pkg == "azure-native" && req.GetType() == "azure-native:keyvault:Key" && !req.GetPreview() {
		// Key Vault keys are create-only through ARM: a PUT on an existing key returns it unchanged
		// (learn.microsoft.com/azure/templates/microsoft.keyvault/vaults/keys: "create-only").
		olds, err := unmarshal(req.GetOlds())
		if err != nil {
			return nil, err
		}
		props, err := marshal(olds)
		if err != nil {
			return nil, err
		}
		return &pulumirpc.UpdateResponse{Properties: props}, nil
	}
	olds, err := unmarshal(req.GetOlds())
	if err != nil {
		return nil, err
	}
	_, outputs, err := p.write(req, news, req.GetId(), olds)
	if err != nil {
		return nil, err
	}
	props, err := marshal(outputs)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

func (p *simProvider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	var rec *Record
	if err := p.store.View(func(c *Cloud) error { rec = c.get(p.storeKey(req.GetId())); return nil }); err != nil {
		return nil, err
	}
	if rec == nil {
		return &pulumirpc.ReadResponse{}, nil // gone: the engine drops it from the state on refresh
	}
	props, err := marshal(withSecrets(resource.NewPropertyMapFromMap(rec.Outputs), rec.Secrets))
	if err != nil {
		return nil, err
	}
	inputs, err := unmarshal(req.GetInputs())
	if err != nil {
		return nil, err
	}
	if len(inputs) == 0 {
		inputs = withSecrets(resource.NewPropertyMapFromMap(rec.Inputs), rec.Secrets)
	}
	in, err := marshal(inputs)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.ReadResponse{Id: rec.ID, Properties: props, Inputs: in}, nil
}

func (p *simProvider) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	err := p.store.Update(func(c *Cloud) error {
		rec := c.get(p.storeKey(req.GetId()))
		if rec == nil {
			return nil // already gone: Azure answers 204
		}
		if p.pkg == "azure-native" {
			if err := checkAzureDelete(c, req.GetType(), req.GetId()); err != nil {
				return err
			}
			if req.GetType() == "azure-native:keyvault:Vault" && boolean(rec.Inputs, "properties.enableSoftDelete") {
				c.DeletedVaults[strings.ToLower(lastSegment(rec.ID))] = rec.ID
			}
		}
		delete(c.Resources, key(p.storeKey(req.GetId())))
		return nil
	})
	if err != nil {
		return nil, err
	}
	delay()
	return &emptypb.Empty{}, nil
}

func (p *simProvider) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	args, err := unmarshal(req.GetArgs())
	if err != nil {
		return nil, err
	}
	in, _ := plainMap(args)
	var result map[string]interface{}
	switch req.GetTok() {
	case "azure-native:authorization:getClientConfig":
		result = map[string]interface{}{"clientId": armIds.ClientID, "objectId": armIds.ClientObjectID,
			"subscriptionId": armIds.SubscriptionID, "tenantId": armIds.TenantID}
	case "azure-native:databricks:getWorkspace":
		id, err := armID("azure-native:databricks:Workspace", in)
		if err != nil {
			return nil, err
		}
		var rec *Record
		_ = p.store.View(func(c *Cloud) error { rec = c.get(id); return nil })
		if rec == nil {
			return nil, fmt.Errorf("ResourceNotFound: The Resource 'Microsoft.Databricks/workspaces/%s' under "+
				"resource group '%s' was not found.", in["workspaceName"], in["resourceGroupName"])
		}
		result = map[string]interface{}{}
		for k, v := range rec.Outputs {
			result[k] = v
		}
		result["id"] = rec.ID
	default:
		return nil, fmt.Errorf("the simulated %s provider does not implement function %s", p.pkg, req.GetTok())
	}
	ret, err := marshal(resource.NewPropertyMapFromMap(result))
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: ret}, nil
}

func (p *simProvider) Attach(context.Context, *pulumirpc.PluginAttach) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

// instance names the provider instance: the package, and for Databricks the workspace or account host.
func (p *simProvider) instance() string {
	if p.pkg == "databricks" {
		return p.pkg + "@" + p.host()
	}
	return p.pkg
}

// account is the Databricks account the provider acts for: its accountId, or its host when it has none
// (a workspace-level provider acts for the workspace's account, which the simulator does not model).
func (p *simProvider) account() string {
	if p.pkg != "databricks" {
		return ""
	}
	if id, ok := p.config["accountId"]; ok && fmt.Sprint(id) != "" {
		return fmt.Sprint(id)
	}
	return p.host()
}

func (p *simProvider) host() string {
	return strings.TrimSuffix(strings.TrimPrefix(fmt.Sprint(p.config["host"]), "https://"), "/")
}
